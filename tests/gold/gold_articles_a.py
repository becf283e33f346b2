"""Dev gold, part A: news-style articles written and annotated by hand (see build_gold.py).

Numbers that are NOT quantities are left unannotated on purpose: years, dates, clock
times, ordinals, ages given next to a name, and numbers inside identifiers.
"""

from build_gold import A, Doc, E, L, R, T, U

P = "people"

DOCS = [
    Doc("g01", "2024-03-20T10:00:00+00:00", story="Gaza war casualties", text=(
        "The Gaza Health Ministry said on Tuesday that at least 31,923 Palestinians have been "
        "killed and 74,096 wounded since the onset of the conflict. The ministry said 104 "
        "people were killed in the previous 24 hours. Israel's military says about 250 "
        "soldiers have died since the ground offensive began in late October."), items=[
        L("at least 31,923", 31923, measure="killed", unit=P, subject="Palestinians"),
        E("74,096", 74096, measure="injured", unit=P),
        E("104", 104, measure="killed", unit=P, subject="people"),
        E("24 hours", 24, measure="duration", unit="hours"),
        A("about 250", 250, measure="killed", unit=P, subject="soldiers"),
        T("on Tuesday", "2024-03-19", "2024-03-19"),
        T("since the onset of the conflict", None, "2024-03-20"),
        T("in late October", "2023-10-16", "2023-10-31"),
    ]),
    Doc("g02", "2024-03-22T08:30:00+00:00", story="Rafah evacuation plan", text=(
        "Israeli officials said the army plans to evacuate roughly 1.4 million people from "
        "Rafah before any ground assault. Aid groups warned that fewer than 20 of the city's "
        "shelters have running water, and that up to 600,000 children could be affected. The "
        "plan, first reported by Channel 12 on Thursday, would take between four and six weeks, "
        "a senior official told Reuters."), items=[
        A("roughly 1.4 million", 1_400_000, measure="evacuated", unit=P, subject="people"),
        U("fewer than 20", 20, unit="shelters"),
        U("up to 600,000", 600_000, unit=P, subject="children"),
        R("between four and six weeks", 4, 6, measure="duration", unit="weeks"),
        T("on Thursday", "2024-03-21", "2024-03-21"),
    ]),
    Doc("g03", "2023-11-14T12:00:00+00:00", story="Gaza displacement", text=(
        "UNRWA said on Monday that nearly 1.6 million people in Gaza have been displaced, with "
        "more than 813,000 of them sheltering in 154 UN facilities. An estimated 45% of homes "
        "have been damaged or destroyed. Only two of the agency's 22 health centres were still "
        "operating, it said."), items=[
        U("nearly 1.6 million", 1_600_000, measure="displaced", unit=P, subject="people"),
        L("more than 813,000", 813_000, measure="displaced", unit=P),
        E("154", 154, unit="facilities"),
        A("An estimated 45%", 45, measure="percentage", unit="%"),
        E("two", 2, within="Only two of", unit="health centres"),
        E("22", 22, unit="health centres"),
        T("on Monday", "2023-11-13", "2023-11-13"),
    ]),
    Doc("g04", "2024-02-05T09:00:00+00:00", story="Hostages", text=(
        "Israel believes 136 hostages are still held in Gaza, of whom at least 31 are thought "
        "to be dead. Hamas took about 240 people captive during the October 7 attack, which "
        "killed some 1,200 people, according to Israeli figures. A truce in late November freed "
        "105 captives in exchange for 240 Palestinian prisoners."), items=[
        E("136", 136, measure="hostages", unit=P, subject="hostages"),
        L("at least 31", 31, measure="killed", unit=P),
        A("about 240", 240, measure="hostages", unit=P, subject="people"),
        A("some 1,200", 1200, measure="killed", unit=P, subject="people"),
        E("105", 105, measure="hostages", unit=P, subject="captives"),
        E("240", 240, within="for 240 Palestinian", measure="detained", unit=P,
          subject="Palestinian prisoners"),
        T("October 7", "2023-10-07", "2023-10-07"),
        T("in late November", "2023-11-16", "2023-11-30"),
    ]),
    Doc("g05", "2023-12-11T07:00:00+00:00", story="Aid trucks at Rafah", text=(
        "Only 100 aid trucks entered Gaza through the Rafah crossing on Sunday, compared with "
        "about 500 a day before the war, the UN said. The World Food Programme said nine in ten "
        "families were skipping meals. Egypt has said it can process up to 200 trucks a day at "
        "the crossing, which handled 1,100 tonnes of supplies last week."), items=[
        E("100", 100, within="Only 100 aid", measure="aid trucks", unit="trucks"),
        A("about 500", 500, measure="aid trucks", unit="trucks"),
        E("nine in ten", 0.9, measure="percentage", unit="fraction"),
        U("up to 200", 200, measure="aid trucks", unit="trucks"),
        E("1,100 tonnes", 1100, unit="t"),
        T("on Sunday", "2023-12-10", "2023-12-10"),
        T("last week", "2023-12-04", "2023-12-10"),
    ]),
    Doc("g06", "2022-06-15T10:00:00+00:00", story="Ukraine refugees", text=(
        "More than 7.3 million refugees from Ukraine have been recorded across Europe since "
        "February 24, according to the UNHCR. Poland alone has taken in over 3.5 million people, "
        "while Moldova, a country of 2.6 million, has hosted some 90,000. Inside Ukraine, an "
        "estimated 7.1 million people remain displaced."), items=[
        L("More than 7.3 million", 7_300_000, measure="displaced", unit=P, subject="refugees"),
        L("over 3.5 million", 3_500_000, measure="displaced", unit=P, subject="people"),
        E("2.6 million", 2_600_000, measure="population", unit=P, subject="Moldova"),
        A("some 90,000", 90_000, measure="displaced", unit=P),
        A("an estimated 7.1 million", 7_100_000, measure="displaced", unit=P, subject="people"),
        T("since February 24", "2022-02-24", "2022-06-15"),
    ]),
    Doc("g07", "2023-02-08T14:00:00+00:00", story="Turkey-Syria earthquake", text=(
        "The death toll from Monday's 7.8-magnitude earthquake in Turkey and Syria rose above "
        "11,000 on Wednesday, officials said. In Turkey, at least 8,574 people were killed, and "
        "in Syria, 2,662. Rescuers pulled a 10-day-old baby from the rubble of a building in "
        "Hatay. The quake, the strongest to hit Turkey since 1939, was followed by a 7.5 "
        "aftershock about nine hours later."), items=[
        E("7.8", 7.8, unit="magnitude"),
        L("above 11,000", 11_000, measure="killed", unit=P),
        L("at least 8,574", 8574, measure="killed", unit=P, subject="people"),
        E("2,662", 2662, measure="killed", unit=P),
        E("10-day-old", 10, measure="age", unit="days"),
        E("7.5", 7.5, unit="magnitude"),
        A("about nine hours", 9, measure="duration", unit="hours"),
        T("Monday", "2023-02-06", "2023-02-06"),
        T("on Wednesday", "2023-02-08", "2023-02-08"),
    ]),
    Doc("g08", "2024-01-10T13:30:00+00:00", story="US inflation", text=(
        "Consumer prices rose 3.4% in the 12 months to December, up from 3.1% in November, the "
        "Labor Department said. Economists polled by Reuters had expected a 3.2% rise. Core "
        "inflation eased to 3.9%, the lowest since mid-2021. The Federal Reserve has held its "
        "benchmark rate at 5.25%-5.50% since July."), items=[
        E("3.4%", 3.4, measure="percentage", unit="%"),
        E("12 months", 12, measure="duration", unit="months"),
        E("3.1%", 3.1, measure="percentage", unit="%"),
        E("3.2%", 3.2, measure="percentage", unit="%"),
        E("3.9%", 3.9, measure="percentage", unit="%"),
        R("5.25%-5.50%", 5.25, 5.5, measure="percentage", unit="%"),
        T("in November", "2023-11-01", "2023-11-30"),
        T("since July", "2023-07-01", "2024-01-10"),
    ]),
    Doc("g09", "2023-08-01T06:00:00+00:00", story="Greek wildfires", text=(
        "Wildfires on the island of Rhodes forced the evacuation of around 19,000 people last "
        "week, the largest such operation in Greece's history. Firefighters battled 82 blazes "
        "across the country on Sunday, and temperatures reached 45C in parts of central Greece. "
        "Two pilots died when their Canadair plane crashed on Evia. The fire service said 3,500 "
        "hectares had burned on Rhodes alone."), items=[
        A("around 19,000", 19_000, measure="evacuated", unit=P, subject="people"),
        E("82", 82, unit="blazes"),
        E("45C", 45, unit="°C"),
        E("Two", 2, within="Two pilots", measure="killed", unit=P, subject="pilots"),
        E("3,500 hectares", 3500, unit="ha"),
        T("last week", "2023-07-24", "2023-07-30"),
        T("on Sunday", "2023-07-30", "2023-07-30"),
    ]),
    Doc("g10", "2024-06-26T11:00:00+00:00", story="Sudan hunger", text=(
        "Nearly 26 million people in Sudan face acute hunger, and 755,000 are on the brink of "
        "famine, a UN-backed assessment found. More than 10 million have fled their homes since "
        "fighting erupted in April 2023, including about 2 million who crossed into neighbouring "
        "countries. Aid agencies say they have received just 16% of the $2.7 billion needed "
        "this year."), items=[
        U("Nearly 26 million", 26_000_000, unit=P, subject="people"),
        E("755,000", 755_000, unit=P),
        L("More than 10 million", 10_000_000, measure="displaced", unit=P),
        A("about 2 million", 2_000_000, measure="displaced", unit=P),
        E("16%", 16, measure="percentage", unit="%"),
        E("$2.7 billion", 2.7e9, measure="money", unit="USD"),
        T("in April 2023", "2023-04-01", "2023-04-30"),
        T("this year", "2024-01-01", "2024-12-31"),
    ]),
    Doc("g11", "2023-10-30T15:00:00+00:00", story="Retailer earnings", text=(
        "Shares of the retailer fell 12% on Friday after it cut its full-year forecast and said "
        "it would lay off 1,500 workers, or roughly 8% of its staff. Revenue for the third "
        "quarter came in at $4.6bn, below analysts' estimates of $4.8bn. The company, founded in "
        "1987, operates 640 stores in 14 countries."), items=[
        E("12%", 12, measure="percentage", unit="%"),
        E("1,500", 1500, unit=P, subject="workers"),
        A("roughly 8%", 8, measure="percentage", unit="%"),
        E("$4.6bn", 4.6e9, measure="money", unit="USD"),
        E("$4.8bn", 4.8e9, measure="money", unit="USD"),
        E("640", 640, unit="stores"),
        E("14", 14, unit="countries"),
        T("on Friday", "2023-10-27", "2023-10-27"),
    ]),
    Doc("g12", "2024-04-15T08:00:00+00:00", story="Iran drone attack", text=(
        "Iran launched more than 300 drones and missiles at Israel overnight on Saturday, the "
        "Israeli military said, adding that 99% of them were intercepted. A 7-year-old girl was "
        "seriously injured by shrapnel in the Negev. The attack involved 170 drones, over 30 "
        "cruise missiles and more than 120 ballistic missiles, according to a military "
        "spokesman."), items=[
        L("more than 300", 300, unit="drones and missiles"),
        E("99%", 99, measure="percentage", unit="%"),
        E("7-year-old", 7, measure="age", unit="years"),
        E("170", 170, unit="drones"),
        L("over 30", 30, unit="cruise missiles"),
        L("more than 120", 120, unit="ballistic missiles"),
        T("on Saturday", "2024-04-13", "2024-04-13"),
    ]),
    Doc("g13", "2025-01-09T18:00:00+00:00", story="Los Angeles wildfires", text=(
        "At least five people have died in wildfires that have destroyed more than 1,000 "
        "structures across Los Angeles County, officials said on Wednesday. Some 130,000 "
        "residents are under evacuation orders, and winds gusting up to 100 mph were forecast to "
        "continue until Thursday evening. The Palisades fire alone has burned 15,832 acres."),
        items=[
        L("At least five", 5, measure="killed", unit=P, subject="people"),
        L("more than 1,000", 1000, unit="structures"),
        A("Some 130,000", 130_000, measure="evacuated", unit=P, subject="residents"),
        U("up to 100 mph", 100, unit="mph"),
        E("15,832 acres", 15_832, unit="acres"),
        T("on Wednesday", "2025-01-08", "2025-01-08"),
        T("Thursday evening", "2025-01-09", "2025-01-09"),
    ]),
    Doc("g14", "2022-10-04T09:00:00+00:00", story="Indonesia stadium crush", text=(
        "The number of people killed in a crush at a football stadium in Indonesia on Saturday "
        "night has risen to 125, police said, revising an earlier figure of 174. More than 320 "
        "people were injured. Police fired tear gas after some 3,000 fans of the home team, "
        "Arema FC, invaded the pitch following a 3-2 defeat. The stadium in Malang has a "
        "capacity of 38,000 but 42,000 tickets were sold."), items=[
        E("125", 125, measure="killed", unit=P),
        E("174", 174, measure="killed", unit=P),
        L("More than 320", 320, measure="injured", unit=P, subject="people"),
        A("some 3,000", 3000, unit=P, subject="fans"),
        E("38,000", 38_000, unit="seats"),
        E("42,000", 42_000, unit="tickets"),
        T("on Saturday night", "2022-10-01", "2022-10-01"),
    ]),
    Doc("g15", "2024-07-18T10:00:00+00:00", story="UK election", text=(
        "Turnout in the general election was 59.7%, the lowest since 2001, while Labour won 411 "
        "of the 650 seats in the House of Commons. The new chancellor has promised to build 1.5 "
        "million homes over five years. Net migration hit a record 764,000 in the year to "
        "December 2022, according to revised figures."), items=[
        E("59.7%", 59.7, measure="percentage", unit="%"),
        E("411", 411, unit="seats"),
        E("650", 650, unit="seats"),
        E("1.5 million", 1_500_000, unit="homes"),
        E("five years", 5, measure="duration", unit="years"),
        E("764,000", 764_000, unit=P),
    ]),
    Doc("g16", "2024-03-20T16:00:00+00:00", story="Gaza hunger", text=(
        "Half of Gaza's population, or about 1.1 million people, face catastrophic hunger, "
        "according to a report published on Monday. The report said 677,000 people in the north "
        "faced famine conditions between mid-March and mid-July. Only 159 trucks a day entered "
        "Gaza in February, down from an average of 500 before the war."), items=[
        E("Half", 0.5, measure="percentage", unit="fraction"),
        A("about 1.1 million", 1_100_000, unit=P, subject="people"),
        E("677,000", 677_000, unit=P, subject="people"),
        E("159", 159, measure="aid trucks", unit="trucks"),
        E("500", 500, measure="aid trucks", unit="trucks"),
        T("on Monday", "2024-03-18", "2024-03-18"),
        T("between mid-March and mid-July", "2024-03-10", "2024-07-20"),
        T("in February", "2024-02-01", "2024-02-29"),
    ]),
    Doc("g17", "2023-12-11T12:00:00+00:00", story="COP28 climate finance", text=(
        "Countries have pledged $700 million to the loss and damage fund, a fraction of the "
        "more than $400 billion a year that developing nations say they need. Global emissions "
        "must fall 43% by 2030 from 2019 levels to keep warming below 1.5C, according to the "
        "IPCC. Some 97,000 people registered for the summit in Dubai, the largest COP ever."),
        items=[
        E("$700 million", 7e8, measure="money", unit="USD"),
        L("more than $400 billion", 4e11, measure="money", unit="USD"),
        E("43%", 43, measure="percentage", unit="%"),
        U("below 1.5C", 1.5, unit="°C"),
        A("Some 97,000", 97_000, unit=P, subject="people"),
    ]),
    Doc("g18", "2024-05-02T09:00:00+00:00", story="Campus protests", text=(
        "Police arrested more than 2,000 people at protests on US college campuses over the "
        "past two weeks, according to a tally by the Associated Press. At Columbia University, "
        "officers detained 109 protesters on Tuesday night. Organisers said tens of thousands of "
        "students had taken part in rallies at 130 campuses."), items=[
        L("more than 2,000", 2000, measure="arrested", unit=P, subject="people"),
        E("two weeks", 2, measure="duration", unit="weeks"),
        E("109", 109, measure="detained", unit=P, subject="protesters"),
        R("tens of thousands", 10_000, 100_000, unit=P, subject="students"),
        E("130", 130, unit="campuses"),
        T("over the past two weeks", "2024-04-18", "2024-05-02"),
        T("on Tuesday night", "2024-04-30", "2024-04-30"),
    ]),
    Doc("g19", "2023-02-08T17:00:00+00:00", story="Earthquake aid", text=(
        "The European Union is sending 27 rescue teams with more than 1,150 rescuers and 70 "
        "search dogs. The World Bank pledged $1.78 billion in aid. The UN warned that up to 23 "
        "million people could be affected, including around 1.4 million children."), items=[
        E("27", 27, unit="rescue teams"),
        L("more than 1,150", 1150, unit=P, subject="rescuers"),
        E("70", 70, unit="dogs"),
        E("$1.78 billion", 1.78e9, measure="money", unit="USD"),
        U("up to 23 million", 23_000_000, unit=P, subject="people"),
        A("around 1.4 million", 1_400_000, unit=P, subject="children"),
    ]),
    Doc("g20", "2024-02-05T11:00:00+00:00", story="Red Sea shipping", text=(
        "Traffic through the Suez Canal has dropped by 42% over the past two months, as shipping "
        "companies divert vessels around the Cape of Good Hope, adding 10 to 14 days to the "
        "journey. Container freight rates from Asia to northern Europe have more than tripled. "
        "The Houthis have carried out at least 30 attacks on ships since November 19."), items=[
        E("42%", 42, measure="percentage", unit="%"),
        E("two months", 2, measure="duration", unit="months"),
        R("10 to 14 days", 10, 14, measure="duration", unit="days"),
        L("at least 30", 30, unit="attacks"),
        T("over the past two months", "2023-12-05", "2024-02-05"),
        T("since November 19", "2023-11-19", "2024-02-05"),
    ]),
    Doc("g21", "2023-12-11T20:00:00+00:00", story="Ukraine aid", text=(
        "The US Congress has approved about $111 billion for Ukraine since Russia's invasion, "
        "and President Joe Biden has requested a further $61.4 billion. Ukraine's military says "
        "it needs 200,000 shells a month. Kyiv was hit by 15 drones overnight; air defences shot "
        "down all of them."), items=[
        A("about $111 billion", 1.11e11, measure="money", unit="USD"),
        E("$61.4 billion", 6.14e10, measure="money", unit="USD"),
        E("200,000", 200_000, unit="shells"),
        E("15", 15, unit="drones"),
    ]),
    Doc("g22", "2024-05-02T15:00:00+00:00", story="Brazil floods", text=(
        "Floods in Rio Grande do Sul have killed at least 29 people and left 60 missing, state "
        "officials said on Wednesday. More than 10,000 people have been forced from their homes "
        "in 147 towns. Rainfall in some areas exceeded 300 millimetres in 24 hours."), items=[
        L("at least 29", 29, measure="killed", unit=P, subject="people"),
        E("60", 60, measure="missing", unit=P),
        L("More than 10,000", 10_000, measure="displaced", unit=P, subject="people"),
        E("147", 147, unit="towns"),
        L("300 millimetres", 300, unit="mm"),
        E("24 hours", 24, measure="duration", unit="hours"),
        T("on Wednesday", "2024-05-01", "2024-05-01"),
    ]),
    Doc("g23", "2023-11-14T18:00:00+00:00", story="Al-Shifa hospital", text=(
        "Doctors at al-Shifa hospital said 32 patients, including three premature babies, had "
        "died since Saturday. About 1,500 patients, staff and displaced people remain inside the "
        "complex, according to the WHO. The hospital's last generator ran out of fuel on "
        "Saturday, and 36 babies are being kept warm without incubators."), items=[
        E("32", 32, measure="killed", unit=P, subject="patients"),
        E("three", 3, measure="killed", unit=P, subject="premature babies"),
        A("About 1,500", 1500, unit=P),
        E("36", 36, unit=P, subject="babies"),
        T("since Saturday", "2023-11-11", "2023-11-14"),
        T("on Saturday", "2023-11-11", "2023-11-11"),
    ]),
    Doc("g24", "2022-06-15T21:00:00+00:00", story="Markets", text=(
        "The S&P 500 fell 3.9% on Monday to close at 3,749.63, its lowest level since January "
        "2021, as investors braced for a 75-basis-point rate rise. The yield on 10-year "
        "Treasuries jumped to 3.36%. Bitcoin slid below $23,000, down more than 50% this year."),
        items=[
        E("3.9%", 3.9, measure="percentage", unit="%"),
        E("3,749.63", 3749.63, unit="points"),
        E("75-basis-point", 75, unit="bp"),
        E("3.36%", 3.36, measure="percentage", unit="%"),
        U("below $23,000", 23_000, measure="money", unit="USD"),
        L("more than 50%", 50, measure="percentage", unit="%"),
        T("on Monday", "2022-06-13", "2022-06-13"),
        T("this year", "2022-01-01", "2022-12-31"),
    ]),
    Doc("g25", "2024-01-10T05:00:00+00:00", story="Rohingya boats", text=(
        "Nearly 4,500 Rohingya refugees attempted dangerous sea crossings last year, and 569 of "
        "them died or went missing, the UNHCR said. It was the deadliest year since 2014. Around "
        "1 million Rohingya live in camps in Cox's Bazar, Bangladesh, where a fire on Sunday "
        "destroyed 800 shelters."), items=[
        U("Nearly 4,500", 4500, measure="displaced", unit=P, subject="Rohingya refugees"),
        E("569", 569, measure="killed", unit=P),
        A("Around 1 million", 1_000_000, measure="displaced", unit=P, subject="Rohingya"),
        E("800", 800, unit="shelters"),
        T("last year", "2023-01-01", "2023-12-31"),
        T("on Sunday", "2024-01-07", "2024-01-07"),
    ]),
]
