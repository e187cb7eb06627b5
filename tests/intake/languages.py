"""Articles of our own in other languages, and English ones that hold other languages, for the language tests."""

GERMAN_ARTICLE = """Neue Fähren für den Hafen von Tellbrück

„Die neuen Schiffe werden ab Freitag wieder fahren“, sagte Marta Okafor, die Hafenmeisterin von Tellbrück, am Montag vor Journalisten. „Jedes Boot wurde zweimal geprüft.“

Nach dem Sturm der vergangenen Woche waren alle Verbindungen über die Bucht eingestellt worden. Hunderte Pendler mussten den Umweg über die Landstraße nehmen, die wegen der Bauarbeiten ohnehin verstopft ist.

Thomas Becker, ein Sprecher der Tellbrücker Fährgesellschaft, erklärte, dass die Fahrkarten für ausgefallene Überfahrten erstattet würden. „Wir wissen, dass es für viele Familien eine schwierige Zeit war“, fügte er hinzu.

Der Bürgermeister der Stadt kündigte an, im Frühjahr einen zweiten Anleger bauen zu lassen. Die Kosten sollen sich Land und Gemeinde teilen.
"""

FRENCH_ARTICLE = """Les ferries reprennent la mer après la tempête

« Les bateaux reprendront leur service dès vendredi », a déclaré lundi Marie Okafor, la capitaine du port de Belleville, devant la presse. « Chaque navire a été contrôlé deux fois. »

Après la tempête de la semaine dernière, toutes les liaisons à travers la baie avaient été suspendues. Des centaines de voyageurs ont dû emprunter la route côtière, déjà encombrée par des travaux.

Thomas Becker, porte-parole de la Compagnie des bacs de Belleville, a indiqué que les billets des traversées annulées seraient remboursés. « Nous savons que ces jours ont été difficiles pour beaucoup de familles », a-t-il ajouté.

Le maire de la ville a annoncé la construction d'un second embarcadère au printemps. Son coût sera partagé entre la région et la commune.
"""

SHORT_ENGLISH = "“We are ready,” said Ana Ruiz."

SHORT_GERMAN = "„Wir sind bereit“, sagte Ana Ruiz am Montag."
"""A German sentence: named German, but too short to be refused on."""

ENGLISH_QUOTING_GERMAN = """Tellbridge mayor answers her German partners

The mayor of Tellbridge, Ana Ruiz, read out the letter from the partner town in full at Monday's council meeting:

„Wir danken Ihnen für die Hilfe nach dem Sturm. Unsere Feuerwehr hat in der Nacht zu Samstag drei Boote aus dem Hafen geholt, und ohne Ihre Leute wäre das nicht gelungen.“

“We will answer in English and in German,” Ruiz said afterwards. “Our two towns have helped each other for thirty years, and a storm will not change that.”

Council members agreed to send a delegation to the partner town in the spring. The harbour master, Tom Becker, said the ferries would run again on Friday and that every boat had been checked twice before it sailed.

The storm closed the harbour for four days last week. Hundreds of commuters had to take the coast road, which roadworks had already slowed, and two fishing boats were lost at their moorings. Insurers said claims would be paid within a month.

“The crews worked through the night,” Becker said. “We owe them, and we owe our neighbours across the border.”
"""
"""An English article holding a long German quotation: English, and never refused."""

HALF_AND_HALF = (
    "Der Stadtrat hat am Montag beschlossen, die Fähre über die Bucht ab Freitag wieder fahren zu lassen. "
    "Die Boote wurden nach dem Sturm zweimal geprüft, und die Fahrkarten für ausgefallene Überfahrten werden erstattet. "
    "Der Bürgermeister sagte, die Stadt werde im Frühjahr einen zweiten Anleger bauen.\n\n"
    "The city council decided on Monday to let the ferry across the bay run again from Friday. "
    "The boats were checked twice after the storm, and tickets for cancelled crossings will be refunded. "
    "The mayor said the town would build a second pier in the spring."
)
"""The same news in German and then in English: too mixed to refuse."""
