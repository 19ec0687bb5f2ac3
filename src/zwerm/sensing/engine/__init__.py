"""The sensing engine: plain Python (numpy, scipy, scikit-learn), never Django.

Entry points:
- `pipeline.analyse(rows)`: themes, assignments, trends, alerts and mood for a batch of texts;
- `assign.assign(model, text)`: one new text to the current themes, in milliseconds;
- `routing.train_router(texts, labels)`: a category with a confidence, low confidence to a person;
- `importer.read_csv(path, text_column=...)`: a CSV export read with every problem named;
- `reports.analyse_csv` / `reports.route_csv`: what the `sensing` management command runs.

The method is described for auditors in docs/sensing-method.md.
"""
