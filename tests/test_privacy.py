"""Victims' names are found through person mentions inside victim phrases, and masked."""

from clew.model import Claim, Mention
from clew.privacy import MASK, mask, victim_names

TEXT = "Traffickers held Amira Lenkova, 24, in Kumanovo. Lenkova said 11 migrants were held."


def _claim(victims: list[str]) -> Claim:
    return Claim(article_id="a", act="abduction", text=TEXT, start=0, end=10, victims=victims)


def test_person_inside_a_victim_phrase_is_a_victim_name() -> None:
    mentions = [
        Mention(article_id="a", text="Amira Lenkova", label="person", start=17, end=30),
        Mention(article_id="a", text="Kumanovo", label="place", start=39, end=47),
    ]
    found = victim_names([_claim(["Amira Lenkova, 24"]), _claim(["11 migrants"])], mentions)
    assert found == {"Amira Lenkova"}


def test_generic_victims_name_nobody() -> None:
    mentions = [Mention(article_id="a", text="Amira Lenkova", label="person", start=17, end=30)]
    assert victim_names([_claim(["11 migrants"])], mentions) == set()


def test_mask_replaces_full_name_and_its_parts_as_whole_words() -> None:
    masked = mask(TEXT, {"Amira Lenkova"})
    assert masked == f"Traffickers held {MASK}, 24, in Kumanovo. {MASK} said 11 migrants were held."
    assert mask("Lenkovaville", {"Amira Lenkova"}) == "Lenkovaville"
    assert mask(TEXT, set()) == TEXT


def test_the_accused_are_never_masked() -> None:
    mentions = [Mention(article_id="a", text="Dario Venn", label="person", start=0, end=10)]
    jailed = Claim(
        article_id="a", act="prosecution", text=TEXT, start=0, end=5, victims=["Dario Venn"]
    )
    accused = Claim(
        article_id="a", act="organ_removal", text=TEXT, start=0, end=5, perpetrators=["Dario Venn"]
    )
    assert victim_names([jailed, accused], mentions) == set()
