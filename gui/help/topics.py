"""Help topics: one HTML page per layer type and training option, in English and Turkish (resources/help/<lang>/).

A topic id is a page name, optionally with an anchor inside the page: "dense", "optimizer-adam",
"early_stopping#patience". Layer topics are the layer's type_id; training options map to topics through
FIELD_TOPICS and choice_topic(). Pages link to each other with <a href="topic-id">.
"""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path

HELP_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "help"
LANGUAGES = ("en", "tr")
INDEX = "index"

# Every TrainConfig field, the data splits and the Output layer's loss -> its topic.
FIELD_TOPICS: dict[str, str] = {
    "epochs": "epochs", "batch_mode": "batch_mode", "batch_size": "batch_mode#batch_size",
    "optimizer": "optimizer", "lr": "lr", "momentum": "momentum", "nesterov": "momentum#nesterov",
    "weight_decay": "weight_decay", "scheduler": "scheduler", "step_size": "scheduler#step_size",
    "gamma": "scheduler#gamma", "early_stopping": "early_stopping", "monitor": "early_stopping#monitor",
    "patience": "early_stopping#patience", "min_delta": "early_stopping#min_delta",
    "restore_best": "early_stopping#restore_best", "grad_clip": "grad_clip", "class_weights": "class_weights",
    "device": "device", "amp": "device#amp", "seed": "seed", "val_split": "splits#validation",
    "test_split": "splits#test", "loss": "loss",
}

# Choices with a page of their own; the others are sections (anchors) of their option's page.
_CHOICE_PAGES = {"optimizer": "optimizer-%s", "loss": "loss-%s"}

# The side list of the help window: training pages in the order of the Training panel.
TRAINING_PAGES: tuple[str, ...] = (
    "loss", "loss-mse", "loss-mae", "loss-huber", "loss-bce", "loss-cross_entropy",
    "optimizer", "optimizer-sgd", "momentum", "optimizer-rmsprop", "optimizer-adam", "optimizer-adamw",
    "lr", "weight_decay", "grad_clip", "batch_mode", "epochs", "scheduler", "early_stopping",
    "splits", "class_weights", "seed", "device",
)

ACTIVATION_PLOTS = ("step", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu", "softmax")


def choice_topic(field: str, choice: str) -> str:
    """The topic explaining one choice of a training option (e.g. optimizer 'adam', loss 'mse')."""
    if field == "loss" and choice == "auto":
        return "loss#auto"
    if field in _CHOICE_PAGES:
        return _CHOICE_PAGES[field] % choice
    return f"{FIELD_TOPICS[field].split('#')[0]}#{choice}"


def split(topic: str) -> tuple[str, str]:
    """'early_stopping#patience' -> ('early_stopping', 'patience')."""
    page, _, anchor = topic.partition("#")
    return page, anchor


def page_path(page: str, lang: str) -> Path:
    return HELP_DIR / lang / f"{page}.html"


@functools.lru_cache(maxsize=512)
def page_html(page: str, lang: str) -> str | None:
    """The HTML of a page in lang (falls back to English when that language lacks it); None if unknown."""
    if not re.fullmatch(r"[a-z0-9_\-]+", page):
        return None
    for code in (lang, "en"):
        path = page_path(page, code)
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return None


def all_pages(lang: str = "en") -> list[str]:
    """Every page available in lang, sorted by name."""
    return sorted(p.stem for p in (HELP_DIR / lang).glob("*.html"))


def exists(topic: str, lang: str) -> bool:
    """True when the topic's page exists in exactly this language and has the anchor (if any)."""
    page, anchor = split(topic)
    path = page_path(page, lang)
    if not path.is_file():
        return False
    return not anchor or anchor in anchors(path.read_text(encoding="utf-8"))


def anchors(text: str) -> set[str]:
    return set(re.findall(r"<a\s+name=\"([^\"]+)\"", text))


def _anchor_re(anchor: str) -> str:
    return r"<a\s+name=\"" + re.escape(anchor) + r"\"></a>"


def _plain(fragment: str) -> str:
    text = re.sub(r"<[^>]+>", "", fragment)
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def title(topic: str, lang: str) -> str:
    """The page's <h1> (or the anchored section's heading)."""
    page, anchor = split(topic)
    text = page_html(page, lang) or ""
    if anchor:
        m = re.search(r"<h[2-4][^>]*>\s*" + _anchor_re(anchor) + r"(.*?)</h[2-4]>", text, re.S)
        if m:
            return _plain(m.group(1))
        m = re.search(_anchor_re(anchor) + r"\s*<b>(.*?)</b>", text, re.S)  # a setting in a list: its name
        if m:
            return _plain(m.group(1))
    m = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S)
    return _plain(m.group(1)) if m else page


def summary(topic: str, lang: str) -> str:
    """The first paragraph of the page, of the anchored section, or the anchored list item, as plain text."""
    page, anchor = split(topic)
    text = page_html(page, lang) or ""
    if anchor:
        m = re.search(_anchor_re(anchor), text)
        if m and not re.search(r"<h[1-4][^>]*>\s*$", text[:m.start()]):
            item = re.match(r"(.*?)</(li|p)>", text[m.end():], re.S)  # an anchor in a list item or paragraph
            if item:
                return _plain(item.group(1))
        text = text[m.end():] if m else text
    m = re.search(r"<p>(.*?)</p>", text, re.S)
    return _plain(m.group(1)) if m else ""


def plain_text(page: str, lang: str) -> str:
    """The whole page as plain text (for searching)."""
    return _plain(page_html(page, lang) or "")


def param_topic(type_id: str, param: str, value: object = None) -> str:
    """The topic for a layer's setting in the Inspector: the activation or loss chosen, dropout, the setting's
    section of the layer's page, or the layer's page."""
    if param == "activation" and isinstance(value, str) and value != "none":
        return value
    if param == "loss" and isinstance(value, str):
        return choice_topic("loss", value)
    if param == "dropout":
        return "dropout"
    return f"{type_id}#{param}" if param in anchors(page_html(type_id, "en") or "") else type_id
