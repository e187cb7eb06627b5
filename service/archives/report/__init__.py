"""``quotes report``: a sourcing report over the results of ``quotes batch``, as JSON and as one HTML file.

For an editor auditing a newsroom's sourcing: how many articles and quotes;
sources by kind (named people, unnamed people, groups, organisations,
documents); the share of quotes resting on unnamed sources, and on those the
article gives no reason for, per article and overall, and the articles with
the most; the people and organisations quoted most, with their titles and
affiliations; the people quoted by the pronoun the articles use; quotes per
article; and with ``--by FIELD`` (a field ``quotes batch --keep`` carried)
each figure per group, over time for a date. The steps, one module each:

1. ``results``: the results read a row at a time (JSON Lines, Parquet, the
   Spark job's folder);
2. ``figures``: what each article says about its sources, summed per scope;
   ``groups``: which group an article is in (a value, or a date's period);
   ``ledger``: the people and organisations counted on disk, under
   ``names.canonical``, so that the memory stays flat however long the archive;
3. ``build``: the recipe, the figures as one JSON-ready dict;
4. ``render``: that dict as JSON, or as HTML (``templates/report.html``)
   with charts drawn by ``charts`` as inline SVG.
"""
