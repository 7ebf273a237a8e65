"""A small hand-built corpus for the link and grade tests.

Fiction: every person, group and outlet below is invented (places are real). The corpus holds
the designed cases: one anonymous police source echoed by many outlets, a site that copies a
paragraph without saying so, a relay that cites the original outlet, a denial, and a court
conviction of the group's leader.
"""

from __future__ import annotations

from clew.model import Article, Claim, Source

ANON = "a source in the border police who asked not to be named"
ORIGINAL = (
    "A criminal group known as the Vardar Brotherhood kidnapped migrants near the Greek border "
    "and sold their kidneys to a private clinic in Skopje, a source in the border police who "
    "asked not to be named told this newspaper on Monday."
)
BACKGROUND = (
    "Serbia and North Macedonia lie on the so-called Balkan route, used every year by tens of "
    "thousands of people trying to reach the European Union, aid groups say."
)


def article(
    text: str, outlet: str | None, published: str, url: str | None = None, ref: str = ""
) -> Article:
    return Article(text=text, outlet=outlet, published=published, url=url, ref=ref or outlet)


def claim(
    art: Article,
    sentence: str,
    act: str = "organ_sale",
    perpetrators: list[str] | None = None,
    sources: list[Source] | None = None,
    modality: str = "reported",
    locations: list[str] | None = None,
) -> Claim:
    start = art.text.index(sentence)
    return Claim(
        article_id=art.id,
        act=act,
        text=sentence,
        start=start,
        end=start + len(sentence),
        modality=modality,
        perpetrators=perpetrators if perpetrators is not None else ["Vardar Brotherhood"],
        victims=["migrants"],
        organs=["kidney"],
        locations=locations if locations is not None else ["Skopje"],
        sources=sources or [],
    )


def echo_corpus(echoes: int = 12) -> tuple[list[Article], list[Claim]]:
    """The original anonymous claim, a relay citing it, ``echoes`` repeats, and a copy."""
    articles: list[Article] = []
    claims: list[Claim] = []
    original = article(
        f"{ORIGINAL}\n\n{BACKGROUND}",
        "Nova Tribuna",
        "2025-03-03",
        "https://novatribuna.example/2025/03/03/brotherhood",
    )
    articles.append(original)
    claims.append(claim(original, ORIGINAL, sources=[Source(ANON, "anonymous")]))
    relay_text = (
        "Serbian daily Nova Tribuna reported that the Vardar Brotherhood sold the kidneys of "
        "kidnapped migrants to a clinic in Skopje, citing a border police source."
    )
    relay = article(relay_text, "Balkan Wire Service", "2025-03-05")
    articles.append(relay)
    claims.append(
        claim(
            relay,
            relay_text,
            sources=[Source("Nova Tribuna", "outlet"), Source(ANON, "anonymous")],
        )
    )
    for i in range(echoes):
        text = (
            f"Echo number {i}: the Brotherhood gang of the Balkans sold migrants' kidneys in "
            f"Skopje, according to {ANON}."
        )
        echo = article(
            f"The Vardar Brotherhood is in the news again.\n\n{text}",
            f"Echo Daily {i}",
            f"2025-03-{6 + i % 20:02d}",
        )
        articles.append(echo)
        claims.append(claim(echo, text, perpetrators=["the Brotherhood"],
                            sources=[Source(ANON, "anonymous")]))  # fmt: skip
    copied = ORIGINAL.replace(" told this newspaper on Monday", " said")
    copy = article(
        f"Shocking news from the Balkans.\n\n{copied}\n\nWhat do you think? Comment below.",
        None,
        "2025-03-09",
        "https://viraldesk.example/world/brotherhood",
    )
    articles.append(copy)
    claims.append(claim(copy, copied, modality="asserted"))
    return articles, claims


def court_and_denial() -> tuple[list[Article], list[Claim]]:
    """A denial by the group's lawyer and, a year on, the leader's conviction."""
    denial_text = (
        "Luka Veljanoski, a lawyer for the Vardar Brotherhood, said the group never sold any "
        "kidneys and called the reports false."
    )
    denial = article(denial_text, "The Meridian Ledger", "2025-03-12")
    verdict_text = (
        "The Basic Court in Skopje convicted Ilija Dervenski, leader of the Vardar Brotherhood, "
        "of organ trafficking and sentenced him to 12 years in prison."
    )
    verdict = article(
        f"{verdict_text}\n\nDervenski denied the charges throughout the trial.",
        "The Meridian Ledger",
        "2025-11-20",
    )
    return [denial, verdict], [
        claim(
            denial,
            denial_text,
            modality="denied",
            sources=[Source("Luka Veljanoski", "person")],
        ),
        claim(
            verdict,
            verdict_text,
            act="prosecution",
            perpetrators=["Ilija Dervenski", "Vardar Brotherhood"],
            sources=[Source("Basic Court in Skopje", "court")],
            modality="asserted",
        ),
    ]
