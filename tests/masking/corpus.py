"""Dutch personal data written the ways residents write it, and text that must stay readable.

Each case is (text, what may not be left in the public text). `NAME_CASES` need deduce's name
lists (no cue word before the name); every other case is found by patterns alone."""

PHONES = [
    ("Bel me op 06.12.34.56.78 na vijven.", ["12.34.56"]),
    ("Mijn nummer: +31 6 1234 567", ["1234 567"]),
    ("Bel 0691234567 als je mee wilt doen", ["0691234567"]),
    ("Vaste lijn 0190 123456 (ma-vr)", ["0190 123456", "123456"]),
    ("Bel (020) 123 45 67 of app", ["123 45 67"]),
    ("Bereikbaar op 06-12345678", ["12345678"]),
    ("mobiel 06 1234 5678", ["1234 5678"]),
    ("+31(0)6-12345678 is mijn nummer", ["12345678"]),
    ("bel 0031 6 12345678", ["12345678"]),
    ("+31 20 123 4567 (kantoor)", ["123 4567"]),
    ("Bel 010-1234567 voor info", ["1234567"]),
    ("app me: 06/12345678", ["12345678"]),
]
EMAILS = [
    ("Mail naar piet.jansen@example.nl voor de lijst", ["piet.jansen", "example.nl"]),
    ("mail piet @ example.nl", ["piet", "example.nl"]),
    ("Contact: maria.devries @example.com", ["maria.devries"]),
    ("stuur een berichtje naar buurtgroep.zuid(at)example.nl", ["buurtgroep.zuid", "example.nl"]),
]
NUMBERS = [
    ("Mijn BSN is 111222333.", ["111222333"]),
    ("BSN 123.456.782 staat op mijn pas", ["123.456.782"]),
    ("Stort op NL91 ABNA 0417 1643 00 svp", ["0417 1643"]),
    ("Rekening NL91ABNA0417164300", ["NL91ABNA0417164300"]),
    ("De auto met kenteken AB-12-CD staat al weken op de stoep", ["AB-12-CD"]),
    ("kenteken 12-ABC-3 rijdt steeds te hard", ["12-ABC-3"]),
    ("busje met kenteken vb-123-x", ["vb-123-x"]),
]
ADDRESSES = [
    ("Ik woon op Kerkstraat 5 en de stoep is kapot", ["Kerkstraat 5"]),
    ("Ik woon op Kastanjelaan 17, 3512 JK Utrecht.", ["Kastanjelaan", "3512 JK"]),  # street, number and postcode
    ("Kom langs op Lindelaan 12.", ["Lindelaan 12"]),
    ("Het gaat om kerkstraat 5a, naast de bakker", ["kerkstraat 5a"]),
    ("adres: Burgemeester de Withstraat 12-3", ["Withstraat 12"]),
    ("Laan van Meerdervoort 100 heeft ook last", ["Meerdervoort 100"]),
    ("Mijn adres is 1234 AB 12", ["1234 AB"]),
    ("Wij wonen op nummer 12, 1234AB Zwermstad", ["1234AB"]),
    ("Op de Dorpsweg 44 is het lawaai het ergst", ["Dorpsweg 44"]),
]
CUE_NAMES = [
    ("Het plein moet groener.\nGroet, Piet Jansen", ["Piet", "Jansen"]),
    ("Graag een reactie. mvg Maria de Vries", ["Maria", "Vries"]),
    ("Ik ben Karim el Amrani en ik woon hier al 20 jaar", ["Karim", "Amrani"]),
    ("Met vriendelijke groet,\nJ. van den Berg", ["Berg"]),
    ("Mijn naam is Fatima Yilmaz.", ["Fatima", "Yilmaz"]),
    ("Groetjes Anouk", ["Anouk"]),
    ("ik heet Daan en ik wil helpen", ["Daan"]),
]
NAME_CASES = [
    ("Maria de Vries heeft de handtekeningen.", ["Maria", "de Vries"]),
    ("Vraag het maar aan Piet Jansen van nummer 3.", ["Piet", "Jansen"]),
    ("Jansen van de overkant vindt het ook een goed plan.", ["Jansen"]),
]
PATTERN_CASES = PHONES + EMAILS + NUMBERS + ADDRESSES + CUE_NAMES

# Text that stays exactly as written: ordinary words, amounts, dates, times and numbers without a street.
READABLE = [
    "Kunst op de transformatorhuisjes",
    "Groen in de straat, graag! Bank bij de speeltuin.",
    "Er staan 123 bomen en in 2024 kwamen er 3500 bij.",
    "Het kost € 4.500,50 en de gemeente betaalt 1.250 euro.",
    "Op 12-05-2024 om 10:00 begint de markt.",
    "De vergadering is op 01.02.2025 om 19.30 uur.",
    "Tussen 2010 en 2020 is het plein twee keer verbouwd.",
    "Bus 12 en lijn 5 stoppen hier niet meer.",
    "In het Stadspark 3 bankjes erbij, graag.",
    "Onderweg 5 minuten wachten bij het stoplicht.",
    "De straat is 12 meter breed en de laan 8 meter.",
    "Ik ben blij met de nieuwe speeltuin.",
    "Ik ben het er niet mee eens.",
    "Ik ben Bewoner van de wijk en vind het een goed plan.",
    "Groeten uit de buurt!",
    "We willen 50 bomen planten voor 2.000 euro.",
    "Het Kerkplein is te donker en de Lindelaan ook.",
    "Bestelnummer 111222334 is verzonden.",
    "NL91 ABNA 0417 1643 01 is geen geldig rekeningnummer",
    "Meer dan 60% van de bewoners wil een zebrapad.",
    "Score 4,5 uit 5 en 1 op de 10 kinderen speelt buiten.",
    "De A12 en de N201 zijn druk rond 17.00 uur.",
]
