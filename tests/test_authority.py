"""Authority tables: every example resolves to its entry; the loader refuses bad data."""

from __future__ import annotations

import pytest

from archcite.authority import AuthorityError, authority, build, fold, posts

AUTH = authority()
REPO_EXAMPLES = [(r.id, ex) for r in AUTH.repositories for ex in r.examples]
COLL_EXAMPLES = [(c.id, ex) for c in AUTH.collections for ex in c.examples]
RG_EXAMPLES = [(rg.number, ex) for rg in AUTH.record_groups for ex in rg.examples]


@pytest.mark.parametrize(("repo_id", "example"), REPO_EXAMPLES)
def test_repository_example_resolves(repo_id: str, example: str) -> None:
    m = AUTH.match_repository(example)
    assert m is not None, example
    assert m.repository.id == repo_id
    # The match ends on a component boundary, as the recognizer needs.
    assert example[m.end : m.end + 1] in ("", ",", " ")


@pytest.mark.parametrize(("coll_id", "example"), COLL_EXAMPLES)
def test_collection_example_resolves(coll_id: str, example: str) -> None:
    repo_cited, _, coll_cited = (p.strip() for p in example.partition("|"))
    repo = AUTH.lookup_repository(repo_cited)
    assert repo is not None, repo_cited
    hit = AUTH.collection(repo.id, coll_cited)
    assert hit is not None, example
    assert hit[0].id == coll_id


@pytest.mark.parametrize(("number", "example"), RG_EXAMPLES)
def test_record_group_example(number: str, example: str) -> None:
    from archcite.grammar.locators import classify

    loc = classify(example)
    assert loc is not None and loc.kind == "rg"
    rg = AUTH.record_group(loc.value)
    assert rg is not None and rg.number == number


@pytest.mark.parametrize(
    ("cited", "repo_id", "place"),
    [
        ("Kennedy Library", "jfkl", "Boston, MA"),
        ("JFKL", "jfkl", "Boston, MA"),
        ("JFK Library", "jfkl", "Boston, MA"),
        ("John F. Kennedy Library", "jfkl", "Boston, MA"),
        ("John F. Kennedy Presidential Library", "jfkl", "Boston, MA"),
        ("National Archives", "nara", "College Park, MD"),
        ("NA", "nara", "College Park, MD"),
        ("NARA", "nara", "College Park, MD"),
        ("National Archives and Records Administration", "nara", "College Park, MD"),
        ("LBJL", "lbjl", "Austin, TX"),
        ("Johnson Library", "lbjl", "Austin, TX"),
        ("DDEL", "ddel", "Abilene, KS"),
        ("HSTL", "hstl", "Independence, MO"),
        ("FDRL", "fdrl", "Hyde Park, NY"),
        ("Hoover Library", "hhpl", "West Branch, IA"),
        ("Nixon Library", "rnpl", "Yorba Linda, CA"),
        ("Ford Library", "grfl", "Ann Arbor, MI"),
        ("Carter Library", "jcl", "Atlanta, GA"),
        ("Reagan Library", "rrl", "Simi Valley, CA"),
        ("Bush Library", "gbpl", "College Station, TX"),
        ("Clinton Library", "wjcl", "Little Rock, AR"),
        ("WNRC", "wnrc", "Suitland, MD"),
        ("LC", "loc", "Washington, DC"),
        ("LOC", "loc", "Washington, DC"),
        ("TNA", "tna", "Kew, UK"),
        ("PRO", "tna", "Kew, UK"),
        ("Mudd Library", "mudd", "Princeton, NJ"),
        ("Hoover Institution", "hila", "Stanford, CA"),
    ],
)
def test_variants_and_places(cited: str, repo_id: str, place: str) -> None:
    repo = AUTH.lookup_repository(cited)
    assert repo is not None and repo.id == repo_id and repo.place == place


def test_longest_variant_wins() -> None:
    m = AUTH.match_repository("National Archives of Australia, A1838")
    assert m is not None and m.repository.id == "naa"
    m = AUTH.match_repository("The National Archives, Kew, FO 371/135904")
    assert m is not None and m.repository.id == "tna"
    m = AUTH.match_repository("Hoover Institution Archives, Hornbeck Papers")
    assert m is not None and m.repository.id == "hila"


def test_no_match_inside_words() -> None:
    assert AUTH.match_repository("NATO documents") is None
    assert AUTH.match_repository("PROGRESS report") is None


def test_variants_never_merge_repositories() -> None:
    owner: dict[str, str] = {}
    for repo in AUTH.repositories:
        for v in repo.variants:
            assert owner.setdefault(fold(v), repo.id) == repo.id, v


def test_abbreviation_expands_per_repository() -> None:
    lbj = AUTH.collection("lbjl", "NSF")
    jfk = AUTH.collection("jfkl", "NSF")
    assert lbj is not None and lbj[0].name == "National Security File" and lbj[1]
    assert jfk is not None and jfk[0].name == "National Security Files" and jfk[1]
    full = AUTH.collection("lbjl", "National Security Files")
    assert full is not None and not full[1]


def test_dated_collection_found_by_name() -> None:
    hit = AUTH.collection("nara", "Central Files 1967–69")
    assert hit is not None and hit[0].id == "nara-cf"


def _repo(id_: str, variants: list[str], kind: str = "agency") -> dict[str, object]:
    return {"id": id_, "name": id_, "place": "X", "kind": kind, "variants": variants,
            "examples": [variants[0]]}  # fmt: skip


def test_loader_refuses_duplicate_variant() -> None:
    data = {
        "repository": [_repo("a", ["Alpha Library"]), _repo("b", ["alpha library"])]
    }
    with pytest.raises(AuthorityError, match="already belongs"):
        build(data, {}, {})


def test_loader_refuses_duplicate_id() -> None:
    data = {"repository": [_repo("a", ["Alpha"]), _repo("a", ["Beta"])]}
    with pytest.raises(AuthorityError, match="duplicate repository id"):
        build(data, {}, {})


def test_loader_refuses_unknown_kind_and_repository() -> None:
    with pytest.raises(AuthorityError, match="unknown kind"):
        build({"repository": [_repo("a", ["Alpha"], kind="shop")]}, {}, {})
    coll = {"collection": [{"id": "c", "repository": "zz", "name": "N", "abbreviations": [],
                            "variants": [], "examples": ["x | N"]}]}  # fmt: skip
    with pytest.raises(AuthorityError, match="unknown repository"):
        build({"repository": [_repo("a", ["Alpha"])]}, coll, {})


def test_loader_refuses_missing_examples() -> None:
    bad = _repo("a", ["Alpha"])
    bad["examples"] = []
    with pytest.raises(AuthorityError, match="examples"):
        build({"repository": [bad]}, {}, {})


def test_authority_is_cached() -> None:
    assert authority() is authority()


def _post_examples(kind: str) -> list[str]:
    import tomllib
    from importlib import resources

    text = resources.files("archcite.authority").joinpath("posts.toml").read_text()
    examples: list[str] = tomllib.loads(text)["examples"][kind]
    return examples


@pytest.mark.parametrize("example", _post_examples("post"))
def test_post_example_gives_the_place(example: str) -> None:
    from archcite.grammar.archival import parse_doc_item

    item = parse_doc_item(example)
    assert item is not None and item.place in posts(), (example, item)
    assert not set(item.author) & posts() and not set(item.recipient) & posts()


@pytest.mark.parametrize("example", _post_examples("person"))
def test_person_example_gives_author_and_recipient(example: str) -> None:
    from archcite.grammar.archival import parse_doc_item

    item = parse_doc_item(example)
    assert item is not None and item.author and item.recipient, (example, item)
    assert item.place is None


def test_posts_are_unique_and_include_historical_names() -> None:
    import tomllib
    from importlib import resources

    text = resources.files("archcite.authority").joinpath("posts.toml").read_text()
    names = tomllib.loads(text)["posts"]
    assert len(names) == len(set(names))
    assert {"Nanking", "Peking", "Leopoldville", "Saigon", "Tokyo"} <= posts()
