"""Linking time against corpus size, as ratios against linear growth from the smallest run.

    .venv/bin/python benchmarks/link_scaling.py [--sizes 10000 30000 100000]

Builds a fictional corpus (invented groups, people and outlets; real city names) of N claims,
two claims a report, with the shapes linking meets in real corpora: anonymous claims relayed
by other outlets, paragraphs copied between sites, surnames used alone, several spellings of
one name. Prints seconds per size and ``ratio`` = time / (time of the first size x N / N0):
1.0 is linear growth, and near-linear is the bar. The gazetteer is built once beforehand
(about 4 s) so that it is not charged to the first size.
"""

from __future__ import annotations

import argparse
import random
import time

from clew.grade import grade_graph
from clew.link import link_corpus
from clew.link.places import gazetteer
from clew.model import Article, Claim, Source

SYLLABLES = [a + b for a in "krvmsntbdzlpg" for b in "aeiou"][:21]
HEADS = ["Brotherhood", "Cartel", "Network", "Clan", "Syndicate", "Ring"]
CITIES = [
    "Skopje",
    "Vranje",
    "Gevgelija",
    "Tetovo",
    "Mosul",
    "Cairo",
    "Istanbul",
    "Tripoli",
    "Athens",
    "Belgrade",
    "Sofia",
]
ACTS = ["organ_sale", "organ_removal", "trafficking_in_persons", "abduction", "arrest"]
WORDS = [a + b + c for a in SYLLABLES for b in SYLLABLES for c in SYLLABLES]


def _word(rng: random.Random, n: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(n)).capitalize()


def corpus(n_claims: int, seed: int = 1) -> tuple[list[Article], list[Claim]]:
    rng = random.Random(seed)
    groups = [f"{_word(rng, 3)} {rng.choice(HEADS)}" for _ in range(max(n_claims // 40, 10))]
    people = [f"{_word(rng)} {_word(rng, 3)}" for _ in range(max(n_claims // 40, 10))]
    outlets = [f"{_word(rng)} {rng.choice(['Post', 'Times', 'Wire', 'Daily'])}" for _ in range(300)]
    articles: list[Article] = []
    claims: list[Claim] = []
    for i in range(n_claims // 2):
        outlet = rng.choice(outlets)
        day = f"20{10 + i * 15 // n_claims:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        filler = " ".join(rng.choice(WORDS) for _ in range(40))
        sentences: list[tuple[str, str, list[str], list[Source]]] = []
        for _ in range(2):
            act = rng.choice(ACTS)
            perp = rng.choice(groups if rng.random() < 0.7 else people)
            shown = perp.split()[-1] if perp in people and rng.random() < 0.3 else perp
            if rng.random() < 0.05:
                shown = shown[:-1] + "x"  # a misspelling
            city = rng.choice(CITIES)
            roll = rng.random()
            if roll < 0.3:
                chain = [
                    Source(rng.choice(outlets), "outlet"),
                    Source("a police source", "anonymous"),
                ]
            elif roll < 0.6:
                chain = [Source("officials who asked not to be named", "anonymous")]
            elif roll < 0.8:
                chain = [Source(rng.choice(people), "person")]
            else:
                chain = []
            words = " ".join(rng.choice(WORDS) for _ in range(8))
            sentences.append((act, f"{shown} {words} in {city}.", [shown, perp], chain))
        if articles and rng.random() < 0.1:  # a site copies an earlier report's paragraph
            filler = articles[rng.randrange(len(articles))].text.split("\n\n")[0]
        text = filler + "\n\n" + " ".join(s[1] for s in sentences)
        article = Article(text=text, outlet=outlet, published=day, title=f"Report {i}")
        articles.append(article)
        offset = len(filler) + 2
        for act, sentence, (shown, _perp), chain in sentences:
            start = text.index(sentence, offset)
            claims.append(
                Claim(
                    article.id,
                    act,
                    sentence,
                    start,
                    start + len(sentence),
                    modality=rng.choice(["reported", "alleged", "asserted"]),
                    perpetrators=[shown],
                    victims=["migrants"],
                    locations=[sentence.split(" in ")[-1][:-1]],
                    sources=chain,
                )
            )
    return articles, claims


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    args = parser.parse_args()
    gazetteer()
    base: float | None = None
    print(f"{'claims':>8} {'reports':>8} {'allegations':>11} {'seconds':>8} {'ratio':>6}")
    for size in args.sizes:
        articles, claims = corpus(size)
        started = time.perf_counter()
        graph = grade_graph(link_corpus(articles, claims))
        seconds = time.perf_counter() - started
        if base is None:
            base = seconds / size
        ratio = seconds / (base * size)
        found = len(graph.allegations)
        print(f"{size:>8} {len(articles):>8} {found:>11} {seconds:>8.1f} {ratio:>6.2f}")


if __name__ == "__main__":
    main()
