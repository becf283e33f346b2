"""Dev gold, part B: more hand-annotated news-style articles (see build_gold.py)."""

from build_gold import A, Doc, E, L, R, T, U

P = "people"

DOCS = [
    Doc("g26", "2023-08-01T16:00:00+00:00", story="Niger coup", text=(
        "France said on Tuesday it would begin evacuating its citizens from Niger, where some "
        "600 French nationals live. Italy said it had about 90 nationals in the country. The "
        "junta, led by General Abdourahamane Tchiani, 62, has closed the border. Niger receives "
        "nearly $2 billion a year in official development assistance."), items=[
        A("some 600", 600, unit=P, subject="French nationals"),
        A("about 90", 90, unit=P, subject="nationals"),
        U("nearly $2 billion", 2e9, measure="money", unit="USD"),
        T("on Tuesday", "2023-08-01", "2023-08-01"),
    ]),
    Doc("g27", "2024-06-26T07:00:00+00:00", story="Kenya protests", text=(
        "At least 23 people were killed and more than 30 were treated for gunshot wounds during "
        "protests against tax rises in Nairobi on Tuesday, rights groups said. The finance bill "
        "aimed to raise an additional 346 billion shillings ($2.7 billion). Police arrested 50 "
        "people, among them a 19-year-old student."), items=[
        L("At least 23", 23, measure="killed", unit=P, subject="people"),
        L("more than 30", 30, measure="injured", unit=P),
        E("346 billion shillings", 3.46e11, measure="money", unit="KES"),
        E("$2.7 billion", 2.7e9, measure="money", unit="USD"),
        E("50", 50, measure="arrested", unit=P, subject="people"),
        E("19-year-old", 19, measure="age", unit="years"),
        T("on Tuesday", "2024-06-25", "2024-06-25"),
    ]),
    Doc("g28", "2023-10-30T10:00:00+00:00", story="Gaza aid and hospitals", text=(
        "The UN said 33 trucks carrying food, water and medicine crossed into Gaza on Sunday, the "
        "largest convoy since October 21. Before the war, about 500 trucks entered each day. The "
        "WHO said 12 of Gaza's 35 hospitals had stopped working because of damage or a lack of "
        "fuel, and that 1.4 million people had been displaced."), items=[
        E("33", 33, measure="aid trucks", unit="trucks"),
        A("about 500", 500, measure="aid trucks", unit="trucks"),
        E("12", 12, unit="hospitals"),
        E("35", 35, unit="hospitals"),
        E("1.4 million", 1_400_000, measure="displaced", unit=P, subject="people"),
        T("on Sunday", "2023-10-29", "2023-10-29"),
        T("since October 21", "2023-10-21", "2023-10-30"),
    ]),
    Doc("g29", "2024-04-15T19:00:00+00:00", story="Tesla layoffs", text=(
        "Tesla will cut more than 10% of its global workforce, or roughly 14,000 jobs, according "
        "to an internal memo. The company employed 140,473 people at the end of 2023. Its shares "
        "have fallen about 30% this year, wiping some $240 billion off its market value."),
        items=[
        L("more than 10%", 10, measure="percentage", unit="%"),
        A("roughly 14,000", 14_000, unit="jobs"),
        E("140,473", 140_473, unit=P, subject="people"),
        A("about 30%", 30, measure="percentage", unit="%"),
        A("some $240 billion", 2.4e11, measure="money", unit="USD"),
        T("this year", "2024-01-01", "2024-12-31"),
    ]),
    Doc("g30", "2023-02-08T22:00:00+00:00", story="Chinese balloon", text=(
        "The balloon was flying at an altitude of about 60,000 feet when an F-22 fighter shot it "
        "down off South Carolina on Saturday. Officials said the debris field stretched over "
        "seven miles, and the payload was roughly the size of two or three buses, weighing more "
        "than 2,000 pounds."), items=[
        A("about 60,000 feet", 60_000, unit="ft"),
        L("over seven miles", 7, unit="mi"),
        R("two or three", 2, 3, unit="buses"),
        L("more than 2,000 pounds", 2000, unit="lb"),
        T("on Saturday", "2023-02-04", "2023-02-04"),
    ]),
    Doc("g31", "2024-01-10T14:00:00+00:00", story="Ecuador violence", text=(
        "Gunmen stormed a television studio in Guayaquil on Tuesday as violence swept Ecuador, "
        "where at least 10 people have been killed since Monday. The government has declared a "
        "state of emergency for 60 days and said more than 70 people have been arrested. Murders "
        "rose to 7,878 in 2023, up from 4,500 the previous year."), items=[
        L("at least 10", 10, measure="killed", unit=P, subject="people"),
        E("60 days", 60, measure="duration", unit="days"),
        L("more than 70", 70, measure="arrested", unit=P, subject="people"),
        E("7,878", 7878, measure="killed", unit=P),
        E("4,500", 4500, measure="killed", unit=P),
        T("on Tuesday", "2024-01-09", "2024-01-09"),
        T("since Monday", "2024-01-08", "2024-01-10"),
    ]),
    Doc("g32", "2022-10-04T12:00:00+00:00", story="Hurricane Ian", text=(
        "Hurricane Ian has killed at least 100 people in Florida, making it one of the deadliest "
        "storms to hit the state. The category 4 storm made landfall on Wednesday with winds of "
        "150mph. About 600,000 homes and businesses were still without power on Monday, down "
        "from a peak of 2.6 million. Damage estimates range from $28 billion to $47 billion."),
        items=[
        L("at least 100", 100, measure="killed", unit=P, subject="people"),
        E("150mph", 150, unit="mph"),
        A("About 600,000", 600_000, unit="homes and businesses"),
        E("2.6 million", 2_600_000, unit="homes and businesses"),
        R("from $28 billion to $47 billion", 2.8e10, 4.7e10, measure="money", unit="USD"),
        T("on Wednesday", "2022-09-28", "2022-09-28"),
        T("on Monday", "2022-10-03", "2022-10-03"),
    ]),
    Doc("g33", "2024-07-18T13:00:00+00:00", story="European heatwave", text=(
        "Temperatures topped 40C in parts of Greece on Wednesday, and authorities closed the "
        "Acropolis for a second day. At least six tourists have died from the heat in recent "
        "weeks. In Spain, 2,000 firefighters were on standby and officials said July's average "
        "temperature was 2.5C above normal."), items=[
        L("40C", 40, unit="°C"),
        L("At least six", 6, measure="killed", unit=P, subject="tourists"),
        E("2,000", 2000, unit=P, subject="firefighters"),
        E("2.5C", 2.5, unit="°C"),
        T("on Wednesday", "2024-07-17", "2024-07-17"),
    ]),
    Doc("g34", "2023-11-14T21:00:00+00:00", story="West Bank raids", text=(
        "At least 190 Palestinians have been killed in the occupied West Bank since October 7, "
        "according to the Palestinian Health Ministry, and more than 2,280 have been detained by "
        "Israeli forces. Eight people were killed in a raid on the Tulkarem camp on Monday, "
        "including a 15-year-old boy."), items=[
        L("At least 190", 190, measure="killed", unit=P, subject="Palestinians"),
        L("more than 2,280", 2280, measure="detained", unit=P),
        E("Eight", 8, measure="killed", unit=P, subject="people"),
        E("15-year-old", 15, measure="age", unit="years"),
        T("since October 7", "2023-10-07", "2023-11-14"),
        T("on Monday", "2023-11-13", "2023-11-13"),
    ]),
    Doc("g35", "2024-02-05T06:00:00+00:00", story="Chile wildfires", text=(
        "Wildfires in central Chile have killed at least 122 people, with hundreds still "
        "missing, President Gabriel Boric said on Sunday. Some 14,000 homes were damaged in Vina "
        "del Mar and the surrounding area, where the fire spread across 8,000 hectares in a "
        "matter of hours."), items=[
        L("at least 122", 122, measure="killed", unit=P, subject="people"),
        R("hundreds", 100, 1000, measure="missing", unit=P),
        A("Some 14,000", 14_000, unit="homes"),
        E("8,000 hectares", 8000, unit="ha"),
        T("on Sunday", "2024-02-04", "2024-02-04"),
    ]),
    Doc("g36", "2023-12-11T09:00:00+00:00", story="Oil prices", text=(
        "Brent crude fell 3.8% last week to settle at $75.84 a barrel, its seventh straight "
        "weekly decline. OPEC+ members agreed to voluntary cuts of about 2.2 million barrels per "
        "day for the first quarter of 2024. US production hit a record 13.2 million barrels per "
        "day in September."), items=[
        E("3.8%", 3.8, measure="percentage", unit="%"),
        E("$75.84", 75.84, measure="money", unit="USD"),
        A("about 2.2 million barrels", 2_200_000, unit="bbl/d"),
        E("13.2 million barrels", 13_200_000, unit="bbl/d"),
        T("last week", "2023-12-04", "2023-12-10"),
        T("in September", "2023-09-01", "2023-09-30"),
    ]),
    Doc("g37", "2024-04-15T12:00:00+00:00", story="Measles outbreak", text=(
        "England recorded 368 measles cases between January 1 and March 31, compared with 1,603 "
        "cases in the whole of last year. Health officials said vaccination rates had fallen to "
        "84.5% among five-year-olds, well below the 95% needed for herd immunity. Roughly one in "
        "ten cases required hospital treatment."), items=[
        E("368", 368, unit="cases"),
        E("1,603", 1603, unit="cases"),
        E("84.5%", 84.5, measure="percentage", unit="%"),
        E("five-year-olds", 5, measure="age", unit="years"),
        E("95%", 95, measure="percentage", unit="%"),
        A("Roughly one in ten", 0.1, measure="percentage", unit="fraction"),
        T("between January 1 and March 31", "2024-01-01", "2024-03-31"),
        T("last year", "2023-01-01", "2023-12-31"),
    ]),
    Doc("g38", "2023-08-01T08:00:00+00:00", story="Pakistan rally bombing", text=(
        "The death toll from Sunday's suicide bombing at a political rally in Bajaur rose to 54 "
        "on Monday, with 83 others wounded, officials said. Nearly 400 people were attending the "
        "rally of the Jamiat Ulema-e-Islam party when the bomber struck at around 4pm."), items=[
        E("54", 54, measure="killed", unit=P),
        E("83", 83, measure="injured", unit=P),
        U("Nearly 400", 400, unit=P, subject="people"),
        T("Sunday", "2023-07-30", "2023-07-30"),
        T("on Monday", "2023-07-31", "2023-07-31"),
    ]),
    Doc("g39", "2024-06-26T09:30:00+00:00", story="UK housing", text=(
        "Average UK house prices rose 1.7% in the year to May, to £288,000, the Office for "
        "National Statistics said. Private rents increased by 8.7%, the fastest annual rate since "
        "records began in 2016. First-time buyers now need a deposit of roughly £60,000, or "
        "nearly a quarter of the average price."), items=[
        E("1.7%", 1.7, measure="percentage", unit="%"),
        E("£288,000", 288_000, measure="money", unit="GBP"),
        E("8.7%", 8.7, measure="percentage", unit="%"),
        A("roughly £60,000", 60_000, measure="money", unit="GBP"),
        U("nearly a quarter", 0.25, measure="percentage", unit="fraction"),
    ]),
    Doc("g40", "2023-10-30T20:00:00+00:00", story="Israel economy", text=(
        "Israel has called up some 360,000 reservists, about 8% of its workforce, since the war "
        "began three weeks ago. The Bank of Israel sold $30 billion in foreign currency to support "
        "the shekel, which hit its weakest level against the dollar since 2012. Economists expect "
        "growth of 2.3% this year, down from 3% forecast in July."), items=[
        A("some 360,000", 360_000, unit=P, subject="reservists"),
        A("about 8%", 8, measure="percentage", unit="%"),
        E("three weeks", 3, measure="duration", unit="weeks"),
        E("$30 billion", 3e10, measure="money", unit="USD"),
        E("2.3%", 2.3, measure="percentage", unit="%"),
        E("3%", 3, within="from 3% forecast", measure="percentage", unit="%"),
        T("three weeks ago", "2023-10-09", "2023-10-09"),
        T("this year", "2023-01-01", "2023-12-31"),
        T("in July", "2023-07-01", "2023-07-31"),
    ]),
    Doc("g41", "2025-01-09T11:00:00+00:00", story="Gaza ceasefire talks", text=(
        "Negotiators in Doha are discussing a six-week truce under which Hamas would release 34 "
        "hostages in a first phase, in exchange for hundreds of Palestinian prisoners. Israel "
        "believes about 100 hostages remain in Gaza, at least a third of whom are dead. More than "
        "45,000 Palestinians have been killed in 15 months of war."), items=[
        E("six-week", 6, measure="duration", unit="weeks"),
        E("34", 34, measure="hostages", unit=P, subject="hostages"),
        R("hundreds", 100, 1000, measure="detained", unit=P, subject="Palestinian prisoners"),
        A("about 100", 100, measure="hostages", unit=P, subject="hostages"),
        L("at least a third", 1 / 3, measure="percentage", unit="fraction"),
        L("More than 45,000", 45_000, measure="killed", unit=P, subject="Palestinians"),
        E("15 months", 15, measure="duration", unit="months"),
    ]),
    Doc("g42", "2024-03-22T17:00:00+00:00", story="Haiti gang violence", text=(
        "Gang violence in Haiti has displaced more than 362,000 people, about half of them "
        "children, the International Organization for Migration said. At least 1,554 people were "
        "killed in the first three months of the year, according to the UN. The US has evacuated "
        "47 citizens by helicopter since Sunday."), items=[
        L("more than 362,000", 362_000, measure="displaced", unit=P, subject="people"),
        A("about half", 0.5, measure="percentage", unit="fraction"),
        L("At least 1,554", 1554, measure="killed", unit=P, subject="people"),
        E("three months", 3, measure="duration", unit="months"),
        E("47", 47, measure="evacuated", unit=P, subject="citizens"),
        T("the first three months of the year", "2024-01-01", "2024-03-31"),
        T("since Sunday", "2024-03-17", "2024-03-22"),
    ]),
    Doc("g43", "2024-01-10T03:00:00+00:00", story="Japan earthquake", text=(
        "The death toll from the magnitude 7.5 earthquake that struck Japan's Noto peninsula on "
        "New Year's Day has climbed to 206, with 52 people still unaccounted for. More than "
        "26,000 people are staying in evacuation centres, and about 15,600 households remain "
        "without water. Officials said 1,200 homes had collapsed."), items=[
        E("7.5", 7.5, unit="magnitude"),
        E("206", 206, measure="killed", unit=P),
        E("52", 52, measure="missing", unit=P, subject="people"),
        L("More than 26,000", 26_000, measure="evacuated", unit=P, subject="people"),
        A("about 15,600", 15_600, unit="households"),
        E("1,200", 1200, unit="homes"),
        T("on New Year's Day", "2024-01-01", "2024-01-01"),
    ]),
    Doc("g44", "2022-06-15T15:00:00+00:00", story="Food crisis", text=(
        "Global wheat prices have risen by about 40% since the start of the year, the World Bank "
        "said, and 49 million people in 46 countries are at risk of famine. The UN's World Food "
        "Programme said it needed an additional $8 billion to feed 137 million people in 2022. "
        "India banned wheat exports on May 14 after a heatwave cut its harvest by 10% to 15%."),
        items=[
        A("about 40%", 40, measure="percentage", unit="%"),
        E("49 million", 49_000_000, unit=P, subject="people"),
        E("46", 46, unit="countries"),
        E("$8 billion", 8e9, measure="money", unit="USD"),
        E("137 million", 137_000_000, unit=P, subject="people"),
        R("10% to 15%", 10, 15, measure="percentage", unit="%"),
        T("since the start of the year", "2022-01-01", "2022-06-15"),
        T("on May 14", "2022-05-14", "2022-05-14"),
    ]),
    Doc("g45", "2024-05-02T20:00:00+00:00", story="Gaza aid pier", text=(
        "The US military's floating pier off Gaza will initially handle around 90 trucks of aid "
        "a day, rising to as many as 150 when fully operational, the Pentagon said. The $320 "
        "million project involves about 1,000 US service members. The pier, roughly 550 metres "
        "long, is expected to be ready in early May."), items=[
        A("around 90", 90, measure="aid trucks", unit="trucks"),
        U("as many as 150", 150, measure="aid trucks", unit="trucks"),
        E("$320 million", 3.2e8, measure="money", unit="USD"),
        A("about 1,000", 1000, unit=P, subject="service members"),
        A("roughly 550 metres", 550, unit="m"),
        T("in early May", "2024-05-01", "2024-05-15"),
    ]),
    Doc("g46", None, story="El Fasher fighting", text=(
        "Fighting around El Fasher has killed at least 43 people since Friday, a local hospital "
        "said. The city is home to some 1.8 million people, including about 500,000 who fled "
        "earlier fighting. Around 800,000 residents of the city are at risk, the UN said."),
        items=[
        L("at least 43", 43, measure="killed", unit=P, subject="people"),
        A("some 1.8 million", 1_800_000, measure="population", unit=P, subject="people"),
        A("about 500,000", 500_000, measure="displaced", unit=P),
        A("Around 800,000", 800_000, unit=P, subject="residents"),
        T("since Friday", None, None, resolved=False),
    ]),
    Doc("g47", "2024-06-26T21:00:00+00:00", story="Nvidia", text=(
        "Nvidia's market value passed $3.3 trillion last week, making it the world's most "
        "valuable company. Its H100 chips sell for about $30,000 each, and the company shipped "
        "some 3.76 million data-centre GPUs in 2023, according to TechInsights. Microsoft's "
        "Windows 11 runs on about 500 million devices."), items=[
        L("$3.3 trillion", 3.3e12, measure="money", unit="USD"),
        A("about $30,000", 30_000, measure="money", unit="USD"),
        A("some 3.76 million", 3_760_000, unit="GPUs"),
        A("about 500 million", 5e8, unit="devices"),
        T("last week", "2024-06-17", "2024-06-23"),
    ]),
    Doc("g48", "2023-11-16T10:00:00+00:00", story="Transport and the UN", text=(
        "A bus on Route 60 overturned near Hebron, injuring 14 passengers, two of them "
        "seriously. Flight 302 from Cairo was diverted to Larnaca with 180 passengers on board. "
        "Under UN Security Council Resolution 2712, adopted on Wednesday, the council called for "
        "humanitarian pauses of a sufficient number of days."), items=[
        E("14", 14, measure="injured", unit=P, subject="passengers"),
        E("two", 2, measure="injured", unit=P),
        E("180", 180, unit=P, subject="passengers"),
        T("on Wednesday", "2023-11-15", "2023-11-15"),
    ]),
    Doc("g49", "2024-02-05T13:00:00+00:00", story="Pakistan election", text=(
        "More than 128 million people are registered to vote in Thursday's election, including "
        "57 million women, Pakistan's election commission said. About 650,000 police and soldiers "
        "will be deployed at 90,675 polling stations. Turnout in 2018 was 52%."), items=[
        L("More than 128 million", 128_000_000, unit=P, subject="people"),
        E("57 million", 57_000_000, unit=P, subject="women"),
        A("About 650,000", 650_000, unit=P, subject="police and soldiers"),
        E("90,675", 90_675, unit="polling stations"),
        E("52%", 52, measure="percentage", unit="%"),
        T("Thursday", "2024-02-08", "2024-02-08"),
    ]),
    Doc("g50", "2024-07-18T06:00:00+00:00", story="Ukraine strikes and grain", text=(
        "Russia launched 38 missiles and 65 drones at Ukraine overnight, killing at least seven "
        "people, Ukrainian officials said. Air defences destroyed 31 missiles and 57 drones. "
        "Ukraine exported 4.3 million tonnes of grain through its Black Sea ports in June, up "
        "from 3.9 million tonnes in May."), items=[
        E("38", 38, unit="missiles"),
        E("65", 65, unit="drones"),
        L("at least seven", 7, measure="killed", unit=P, subject="people"),
        E("31", 31, unit="missiles"),
        E("57", 57, unit="drones"),
        E("4.3 million tonnes", 4_300_000, unit="t"),
        E("3.9 million tonnes", 3_900_000, unit="t"),
        T("in June", "2024-06-01", "2024-06-30"),
        T("in May", "2024-05-01", "2024-05-31"),
    ]),
    Doc("g51", "2023-10-30T18:00:00+00:00", story="Journalists and Rafah crossing", text=(
        "Twenty-five journalists have been killed in the conflict, the Committee to Protect "
        "Journalists said, and a dozen more have been injured. Two dozen aid workers from the UN "
        "agency are among the dead. Several hundred foreign nationals are waiting at the Rafah "
        "crossing, along with one hundred and fifty wounded Palestinians needing treatment."),
        items=[
        E("Twenty-five", 25, measure="killed", unit=P, subject="journalists"),
        E("a dozen", 12, measure="injured", unit=P),
        E("Two dozen", 24, measure="killed", unit=P, subject="aid workers"),
        R("Several hundred", 300, 900, unit=P, subject="foreign nationals"),
        E("one hundred and fifty", 150, measure="injured", unit=P, subject="Palestinians"),
    ]),
    Doc("g52", "2024-01-10T17:00:00+00:00", story="Aid for Ukraine", text=(
        "The EU agreed a €50bn support package for Ukraine, while the UK has committed £2.5bn "
        "in military aid this year. Germany's defence budget will rise to €71.8 billion, or 2.1% "
        "of GDP. Japan pledged ¥1 trillion in reconstruction aid, and Canada C$500m."), items=[
        E("€50bn", 5e10, measure="money", unit="EUR"),
        E("£2.5bn", 2.5e9, measure="money", unit="GBP"),
        E("€71.8 billion", 7.18e10, measure="money", unit="EUR"),
        E("2.1%", 2.1, measure="percentage", unit="%"),
        E("¥1 trillion", 1e12, measure="money", unit="JPY"),
        E("C$500m", 5e8, measure="money", unit="CAD"),
        T("this year", "2024-01-01", "2024-12-31"),
    ]),
]
