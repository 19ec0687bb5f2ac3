"""Theme discovery, near-duplicate folding, assignment and stable ids across refreshes."""

from collections import Counter
from dataclasses import replace

from sklearn.metrics import normalized_mutual_info_score

from zwerm.sensing.engine.assign import assign, nearest_themes
from zwerm.sensing.engine.duplicates import fold
from zwerm.sensing.engine.pipeline import analyse
from zwerm.sensing.engine.synthetic import synthetic_rows


def test_themes_are_found_without_being_told_how_many(synthetic, synthetic_analysis):
    model = synthetic_analysis.model
    assert 4 <= len(model.themes) <= 40
    assert model.k_choice.k in model.k_choice.stability
    found = [t or "" for t in synthetic_analysis.theme_of]
    assert normalized_mutual_info_score(synthetic.themes, found) > 0.5


def test_every_theme_has_a_label_terms_size_and_examples(synthetic_analysis):
    for theme in synthetic_analysis.model.themes:
        assert theme.label and theme.terms
        assert theme.size >= theme.distinct >= 3
        assert 1 <= len(theme.examples) <= 3
    assert sum(t.size for t in synthetic_analysis.model.themes) == sum(1 for t in synthetic_analysis.theme_of if t)


def test_every_row_gets_an_assignment(synthetic, synthetic_analysis):
    assert set(synthetic_analysis.assignments) == {r.id for r in synthetic.rows}


def test_a_text_repeated_600_times_is_not_a_theme_of_its_own():
    base = synthetic_rows(400, seed=5)
    petition = "Stop de bouw van de windturbine bij het Zilvermeer, teken de petitie tegen de windmolen!"
    copies = [replace(base.rows[0], id=f"p{i}", text=petition) for i in range(600)]
    analysis = analyse(base.rows + tuple(copies))
    petition_themes = {analysis.assignments[f"p{i}"] for i in range(600)}
    assert len(petition_themes) == 1  # the copies stay together ...
    (theme_id,) = petition_themes
    if theme_id is not None:  # ... and, if they join a theme, it is one with other texts in it
        theme = next(t for t in analysis.model.themes if t.id == theme_id)
        assert theme.distinct >= 3 and theme.size > 600


def test_near_duplicates_are_folded():
    tokens = [["stoep", "kapot", "school", "week", "repareren"]] * 3 + [
        ["stoep", "kapot", "school", "week", "repareren", "snel"],
        ["boom", "omgevallen", "park"],
    ]
    groups = fold(tokens)
    assert list(groups.representative) == [0, 0, 0, 0, 4]


def test_a_new_text_is_assigned_to_the_matching_theme(synthetic_analysis):
    """How fast is measured in bench/sensing.py ("one new text assigned"), not here: no timed tests."""
    model = synthetic_analysis.model
    text = "De lantaarnpaal bij de school brandt niet meer en het is er donker"
    result = assign(model, text)
    theme = next(t for t in model.themes if t.id == result.theme_id)
    assert {"lantaarnpaal", "lamp", "straatverlichting", "verlichting", "branden", "donker", "licht"} & set(
        " ".join(theme.terms).split()
    ), theme.terms
    assert nearest_themes(model, text)[0][0] == result.theme_id


def test_a_text_without_known_words_gets_no_theme(synthetic_analysis):
    assert assign(synthetic_analysis.model, "xyzzy qwerty").theme_id is None
    assert assign(synthetic_analysis.model, "").theme_id is None


def test_theme_ids_stay_stable_across_a_refresh(synthetic, synthetic_analysis):
    later = synthetic_rows(300, seed=9, weeks=12)
    later_rows = tuple(replace(r, id=f"later{r.id}") for r in later.rows)
    refreshed = analyse(synthetic.rows + later_rows, previous=synthetic_analysis.model)
    before = synthetic_analysis.assignments
    after = refreshed.assignments
    kept = sum(before[i] == after[i] for i in before if before[i] is not None)
    assert kept / sum(v is not None for v in before.values()) >= 0.8
    old_ids = set(synthetic_analysis.model.ids)
    assert len(old_ids & set(refreshed.model.ids)) >= 0.7 * len(old_ids)
    new_numbers = [int(t[1:]) for t in set(refreshed.model.ids) - old_ids]
    assert all(n >= synthetic_analysis.model.next_id for n in new_numbers)


def test_ids_of_a_first_build_count_up_from_the_largest_theme(synthetic_analysis):
    sizes = [t.size for t in synthetic_analysis.model.themes]
    assert synthetic_analysis.model.themes[0].id == "T1"
    assert Counter(sizes).most_common(1)[0][1] <= len(sizes)


def test_a_model_survives_pickling_for_snapshots(synthetic_analysis):
    import pickle

    model = pickle.loads(pickle.dumps(synthetic_analysis.model))  # noqa: S301 (our own bytes)
    text = "De container puilt uit en het afval stinkt"
    assert assign(model, text) == assign(synthetic_analysis.model, text)


def test_too_few_texts_give_no_themes_but_every_row_an_entry():
    rows = synthetic_rows(5, seed=2).rows
    analysis = analyse(rows)
    assert analysis.model.themes == () and set(analysis.assignments) == {r.id for r in rows}
    assert all(v is None for v in analysis.assignments.values())
