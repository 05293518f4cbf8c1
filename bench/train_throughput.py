"""Training throughput: Katman's trainer vs a tuned plain PyTorch loop vs the textbook DataLoader loop.

Same network, data, optimiser and batch size for all three; runs are interleaved and repeated, and the
table reports median samples per second. Usage:

    python bench/train_throughput.py [--device cpu|cuda] [--reps 3] [--samples 60000] [--cnn-samples 10000]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.builder import build_model
from engine.data import Dataset, Normalizer, PreparedData
from engine.graph import ModelGraph
from engine.training import TrainConfig, Trainer

BATCH = 128


def mlp_graph() -> ModelGraph:
    return ModelGraph.chain([
        ("input", {"shape": (784,)}), ("dense", {"units": 256, "activation": "relu", "dropout": 0.2}),
        ("dense", {"units": 128, "activation": "relu", "dropout": 0.2}), ("dense", {"units": 10}), ("output", {}),
    ])


def cnn_graph() -> ModelGraph:
    return ModelGraph.chain([
        ("input", {"shape": (1, 28, 28)}),
        ("conv2d", {"filters": 16, "kernel": 3, "padding": "same", "activation": "relu"}), ("maxpool2d", {"kernel": 2}),
        ("conv2d", {"filters": 32, "kernel": 3, "padding": "same", "activation": "relu"}), ("maxpool2d", {"kernel": 2}),
        ("flatten", {}), ("dense", {"units": 10}), ("output", {}),
    ])


def plain_module(kind: str) -> nn.Module:
    """The same network written by hand, as a student following a tutorial would."""
    if kind == "mlp":
        return nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Dropout(0.2), nn.Linear(256, 128), nn.ReLU(),
                             nn.Dropout(0.2), nn.Linear(128, 10))
    return nn.Sequential(nn.Conv2d(1, 16, 3, padding="same"), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(16, 32, 3, padding="same"), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                         nn.Linear(32 * 7 * 7, 10))


def make_data(kind: str, n: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    shape = (784,) if kind == "mlp" else (1, 28, 28)
    x = rng.random((n, *shape), dtype=np.float32)
    y = rng.integers(0, 10, size=n).astype(np.int64)
    return x, y


def run_katman(kind: str, x: np.ndarray, y: np.ndarray, device: str) -> float:
    ds = Dataset("bench", x, y, "classification", [str(i) for i in range(10)])
    data = PreparedData(ds, None, None, Normalizer.identity(), ds)
    model = build_model(mlp_graph() if kind == "mlp" else cnn_graph(), seed=0)
    trainer = Trainer(model, data, TrainConfig(epochs=1, batch_size=BATCH, optimizer="adam", lr=1e-3,
                                               device=device), batch_log_hz=0)
    _sync(device)
    t = time.perf_counter()
    trainer.fit()
    _sync(device)
    return len(x) / (time.perf_counter() - t)


def run_tuned(kind: str, x: np.ndarray, y: np.ndarray, device: str) -> float:
    torch.manual_seed(0)
    dev = torch.device(device)
    model = plain_module(kind).to(dev)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, fused=True)
    _sync(device)
    t = time.perf_counter()
    xt, yt = torch.from_numpy(x).to(dev), torch.from_numpy(y).to(dev)
    model.train()
    perm = torch.randperm(len(xt)).to(dev)
    for i in range(0, len(xt), BATCH):
        idx = perm[i:i + BATCH]
        loss = nn.functional.cross_entropy(model(xt[idx]), yt[idx])
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
    _sync(device)
    return len(x) / (time.perf_counter() - t)


def run_dataloader(kind: str, x: np.ndarray, y: np.ndarray, device: str) -> float:
    torch.manual_seed(0)
    dev = torch.device(device)
    model = plain_module(kind).to(dev)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loader = DataLoader(TensorDataset(torch.from_numpy(x), torch.from_numpy(y)), batch_size=BATCH, shuffle=True)
    _sync(device)
    t = time.perf_counter()
    model.train()
    for xb, yb in loader:
        xb, yb = xb.to(dev), yb.to(dev)
        loss = nn.functional.cross_entropy(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
    _sync(device)
    return len(x) / (time.perf_counter() - t)


def _sync(device: str) -> None:
    if device.startswith("cuda"):
        torch.cuda.synchronize()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--samples", type=int, default=60_000, help="MLP samples per epoch")
    ap.add_argument("--cnn-samples", type=int, default=10_000, help="CNN samples per epoch")
    ap.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = ap.parse_args()
    ways = {"katman": run_katman, "tuned": run_tuned, "dataloader": run_dataloader}
    results: dict[str, dict[str, float]] = {}
    for kind, n in (("mlp", args.samples), ("cnn", args.cnn_samples)):
        x, y = make_data(kind, n)
        small = x[:BATCH * 4], y[:BATCH * 4]
        for fn in ways.values():  # warm up: first-call costs (optimiser imports, kernels)
            fn(kind, *small, args.device)
        runs: dict[str, list[float]] = {w: [] for w in ways}
        for rep in range(args.reps):
            order = list(ways) if rep % 2 == 0 else list(reversed(ways))
            for w in order:
                runs[w].append(ways[w](kind, x, y, args.device))
        results[kind] = {w: statistics.median(v) for w, v in runs.items()}
        print(f"  {kind}: " + ", ".join(f"{w} {[round(r) for r in v]}" for w, v in runs.items()), file=sys.stderr)
    print(f"\nTraining throughput on {args.device} ({torch.get_num_threads()} threads, torch {torch.__version__}), "
          f"batch {BATCH}, median of {args.reps} interleaved runs, samples/s")
    print(f"{'model':6} {'katman':>10} {'tuned loop':>11} {'DataLoader':>11} {'vs tuned':>9} {'vs DataLoader':>14}")
    for kind, r in results.items():
        print(f"{kind:6} {r['katman']:10,.0f} {r['tuned']:11,.0f} {r['dataloader']:11,.0f} "
              f"{r['katman'] / r['tuned']:8.2f}x {r['katman'] / r['dataloader']:13.2f}x")
    print("targets: >= 0.95x the tuned loop; >= 1.3x the DataLoader loop on CPU (>= 3x on CUDA)")
    if args.json:
        Path(args.json).write_text(json.dumps({"device": args.device, "results": results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
