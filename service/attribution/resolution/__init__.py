"""Who is who: each speaker mention resolved to one entity, with what the article says of it.

``resolver`` is the recipe (``Resolver`` asks ``RESOLUTION_RULES`` in order for each
mention); ``values`` holds what the rules exchange (``Basis``, ``Referent``,
``Resolution``, ``Known``). The rules read the article's ``cast`` (its people and
organisations, with ``genders`` read from its own words), resolve ``pronouns``,
compare names (``entities``) and read ``descriptions`` (where a title or an
affiliation is said), whose words ``titles`` tells apart.
"""
