"""The demo municipality: a fictional 'Zwermstad' (GM9999) with wijken, buurten, people and initiatives."""

PLACES_CSV = """wijkcode;wijknaam;buurtcode;buurtnaam;postcodes
WK999901;Centrum;BU99990101;Binnenstad;9991AA 9991AB
WK999901;Centrum;BU99990102;Stationskwartier;9991BA
WK999901;Centrum;BU99990103;Havenkwartier;9991CA
WK999902;Noord;BU99990201;Bloemenbuurt;9992AA
WK999902;Noord;BU99990202;Vogelwijk;9992BA
WK999902;Noord;BU99990203;Molenbuurt;9992CA
WK999902;Noord;BU99990204;Parkzicht;9992DA
WK999903;Zuid;BU99990301;Oude Dorp;9993AA
WK999903;Zuid;BU99990302;De Akkers;9993BA
WK999903;Zuid;BU99990303;Sportpark;9993CA
WK999903;Zuid;BU99990304;Waterkant;9993DA
"""

# Staff log in with this password and a code from `zwerm demo_totp EMAIL` (demo only).
STAFF_PASSWORD = "zwerm-demo-wachtwoord"
STAFF = [
    ("moderator@zwermstad.example", "Mo de Moderator", "moderator"),
    ("procesambtenaar@zwermstad.example", "Pim Procesambtenaar", "process_lead"),
    ("vakambtenaar@zwermstad.example", "Vera Vakambtenaar", "specialist"),
    ("raadslid@zwermstad.example", "Rik Raadslid", "council_member"),
    ("beheerder@zwermstad.example", "Bea Beheerder", "admin"),
]
RESIDENTS = ["Anouk", "Bram", "Chaima", "Daan", "Eva", "Fatih", "Greet", "Hamza", "Iris", "Joost", "Kim", "Lotte"]

# (kind, title, body, location)
INITIATIVES = [
    (
        "initiative",
        "Moestuin op het braakliggende veld",
        "Met buren willen we een moestuin beginnen op het veld naast de school. Wie helpt mee met graven en zaaien?",
        "Veld naast de basisschool",
    ),
    (
        "idea",
        "Meer bankjes langs de waterkant",
        "Ouderen lopen graag langs het water, maar kunnen nergens even zitten. Drie bankjes zouden veel helpen.",
        "Wandelpad Waterkant",
    ),
    (
        "concern",
        "Te hard rijden in de Molenstraat",
        "Auto's rijden hier veel te hard, terwijl er veel kinderen spelen. Kan er een drempel komen?",
        "Molenstraat",
    ),
    (
        "initiative",
        "Buurtbibliotheekje bij het plein",
        "Een kastje waar iedereen boeken kan ruilen. Wij bouwen het zelf, we zoeken alleen een plek.",
        "Dorpsplein",
    ),
    (
        "idea",
        "Deelfietsen bij het station",
        "Veel forenzen komen met de trein en willen het laatste stuk fietsen. Deelfietsen zouden de parkeerdruk verlagen.",
        "Stationsplein",
    ),
    (
        "concern",
        "Zwerfafval rond de snackbar",
        "Elke avond ligt er afval op straat rond de snackbar. Meer prullenbakken en een afspraak met de eigenaar?",
        "",
    ),
    (
        "initiative",
        "Repair café in het buurthuis",
        "Eens per maand repareren vrijwilligers kapotte spullen. We zoeken nog mensen die handig zijn met naaimachines.",
        "Buurthuis De Akker",
    ),
    (
        "idea",
        "Speeltuin opknappen",
        "De speeltoestellen zijn oud en sommige zijn stuk. Kinderen uit de buurt hebben tekeningen gemaakt van wat ze willen.",
        "Speeltuin Parkzicht",
    ),
    (
        "concern",
        "Donkere fietsroute naar school",
        "Het fietspad langs het park is 's avonds en 's winters 's ochtends pikdonker. Meer verlichting graag.",
        "Fietspad langs het park",
    ),
    (
        "initiative",
        "Samen koken met nieuwe buren",
        "Elke week koken we met nieuwkomers en buurtbewoners. Zo leren we elkaar kennen. Bel me op 06-12345678 als je mee wilt doen!",
        "Wijkcentrum",
    ),
    (
        "idea",
        "Geveltuintjes in de Bloemenbuurt",
        "Tegels eruit, planten erin: goed tegen hitte en wateroverlast. De gemeente kan helpen met aarde en planten.",
        "",
    ),
    (
        "concern",
        "Overlast van scooters op het plein",
        "Jongeren scheuren 's avonds met scooters over het plein. Het is onveilig voor voetgangers.",
        "Marktplein",
    ),
    (
        "initiative",
        "Buurtfeest in september",
        "We organiseren een buurtfeest met muziek, eten en spelletjes. We zoeken vrijwilligers en een vergunning.",
        "Het grasveld",
    ),
    (
        "idea",
        "Watertappunt in het park",
        "Met warme zomers is een gratis watertappunt voor wandelaars en sporters echt nodig.",
        "Stadspark",
    ),
    (
        "concern",
        "Losliggende stoeptegels",
        "Op de hoek liggen al maanden losse tegels. Mijn buurvrouw met rollator is er bijna gevallen.",
        "Hoek Kerkstraat",
    ),
    (
        "initiative",
        "Taalcafé voor iedereen",
        "Oefen Nederlands in een ontspannen sfeer, met koffie. Iedereen is welkom, ook om te helpen.",
        "Bibliotheek",
    ),
    (
        "idea",
        "Meer groen op het schoolplein",
        "Een groen schoolplein is koeler en leuker. Ouders willen meehelpen met aanleggen.",
        "Schoolplein De Regenboog",
    ),
    (
        "concern",
        "Parkeren op de stoep",
        "Auto's staan steeds op de stoep, waardoor kinderwagens en rolstoelen de straat op moeten.",
        "",
    ),
    (
        "initiative",
        "Wandelgroep voor ouderen",
        "Elke dinsdag wandelen we een uurtje samen. Goed voor lijf en gezelligheid.",
        "Start bij de kerk",
    ),
    (
        "idea",
        "Hondenuitlaatplek aanwijzen",
        "Er is nu geen duidelijke plek, dus honden poepen overal. Een vaste losloopplek lost veel op.",
        "",
    ),
    (
        "concern",
        "Geluidsoverlast van de snelweg",
        "Sinds de verbreding horen we de snelweg dag en nacht. Kan er een geluidswal komen?",
        "Langs de A-weg",
    ),
    (
        "initiative",
        "Zonnepanelen op het buurthuis",
        "Samen investeren in zonnepanelen op het dak van het buurthuis; de opbrengst gaat naar activiteiten.",
        "Buurthuis",
    ),
    (
        "idea",
        "Bloemenweide in plaats van gras",
        "Minder maaien, meer bijen. Een bloemenweide is mooi en goed voor insecten.",
        "Berm langs de Ringweg",
    ),
    (
        "concern",
        "Eenzaamheid onder ouderen",
        "Veel ouderen in onze flat zien dagen niemand. Een vast ontmoetingsmoment zou helpen.",
        "Flat aan de Vogellaan",
    ),
    (
        "initiative",
        "Jeugdvoetbal op het trapveld",
        "Elke woensdagmiddag voetbal voor kinderen, begeleid door vrijwilligers van de club.",
        "Trapveld Sportpark",
    ),
    (
        "idea",
        "Oversteekplaats bij de supermarkt",
        "Veel mensen steken hier over zonder zebrapad. Een veilige oversteek is hard nodig.",
        "Supermarkt Oude Dorp",
    ),
    (
        "concern",
        "Verstopte putten bij regen",
        "Bij elke bui staat de straat blank omdat de putten verstopt zitten.",
        "",
    ),
    (
        "initiative",
        "Kledingruil in de bibliotheek",
        "Twee keer per jaar een kledingruilbeurs. Duurzaam en gezellig.",
        "Bibliotheek",
    ),
    (
        "idea",
        "Fietsenstalling bij het winkelcentrum",
        "Fietsen staan nu overal kris-kras. Een overdekte stalling maakt het netter en veiliger.",
        "Winkelcentrum",
    ),
    (
        "concern",
        "Te weinig plek in de kinderopvang",
        "Ouders staan lang op een wachtlijst. Kan de gemeente meedenken over extra plek?",
        "",
    ),
    (
        "initiative",
        "Buurtapp voor hulp bij boodschappen",
        "Buren helpen buren met boodschappen als iemand ziek is. Mail hulp@buurt-voorbeeld.nl om mee te doen.",
        "",
    ),
    (
        "idea",
        "Kunst op de transformatorhuisjes",
        "Lokale kunstenaars beschilderen de grijze huisjes. Dat maakt de buurt mooier en gaat graffiti tegen.",
        "",
    ),
]

# Statuses the demo spreads over the initiatives, in order (the rest stay 'published').
STATUS_PLAN = ["submitted"] * 4 + ["in_progress"] * 6 + ["realised"] * 4 + ["not_realised"] * 3 + ["withdrawn"] * 1
REASONS = {
    "published": "Gepubliceerd: het voldoet aan de spelregels.",
    "in_progress": "We zijn ermee aan de slag en nemen contact op met de indiener.",
    "realised": "Gerealiseerd samen met de buurt. Dank aan iedereen die meedeed!",
    "not_realised": "Dit kunnen we nu niet uitvoeren: het past niet binnen de begroting van dit jaar.",
    "withdrawn": "De indiener heeft het initiatief ingetrokken.",
}
COMMENTS = [
    "Goed plan, ik help graag mee!",
    "Heel herkenbaar, dit speelt bij ons ook.",
    "Is hier al contact over met de woningcorporatie?",
    "Mooi initiatief. Wanneer is de eerste bijeenkomst?",
    "Ik twijfel nog: wie gaat het onderhoud doen?",
]
