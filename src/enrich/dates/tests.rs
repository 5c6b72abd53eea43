//! Unit tests per expression family, through the public [`extract`].

use chrono::NaiveDate;

use super::{analyze, extract};
use crate::event::DateType;
use crate::event::ReferenceSource;
use crate::text::Text;

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

/// Thursday, like the seed article.
fn thu() -> Option<NaiveDate> {
    Some(d(2025, 2, 20))
}

/// (text, value, type) of every mention.
fn all(body: &str, published: Option<NaiveDate>) -> Vec<(String, String, DateType)> {
    let t = Text::analyze(body);
    extract(&t, published)
        .into_iter()
        .map(|m| (m.text, m.value, m.kind))
        .collect()
}

/// The single mention of `body`, asserting there is exactly one.
fn one(body: &str, published: Option<NaiveDate>) -> (String, String, DateType) {
    let v = all(body, published);
    assert_eq!(v.len(), 1, "{body:?} gave {v:?}");
    v.into_iter().next().unwrap()
}

fn check(body: &str, published: Option<NaiveDate>, text: &str, value: &str, kind: DateType) {
    assert_eq!(
        one(body, published),
        (text.to_string(), value.to_string(), kind),
        "{body:?}"
    );
}

use DateType::{Date, Duration, Set, Time};

#[test]
fn explicit_dates() {
    check(
        "It happened on February 20, 2025.",
        None,
        "February 20, 2025",
        "2025-02-20",
        Date,
    );
    check(
        "It happened on 20 Feb 2025.",
        None,
        "20 Feb 2025",
        "2025-02-20",
        Date,
    );
    check(
        "Filed 2025-02-20 in court.",
        None,
        "2025-02-20",
        "2025-02-20",
        Date,
    );
    check(
        "Filed on 2/20/2025 in court.",
        None,
        "2/20/2025",
        "2025-02-20",
        Date,
    );
    check(
        "It was signed Feb. 20, officials said.",
        thu(),
        "Feb. 20",
        "2025-02-20",
        Date,
    );
    check(
        "He was born in October 1982.",
        thu(),
        "October 1982",
        "1982-10",
        Date,
    );
    check(
        "Prices rose in March 12 2009 trading.",
        None,
        "March 12 2009",
        "2009-03-12",
        Date,
    );
    check(
        "The 2nd of March 2024 was cold.",
        None,
        "2nd of March 2024",
        "2024-03-02",
        Date,
    );
}

#[test]
fn months_without_year_follow_tense() {
    // Published 2025-02-20: a past November is last year's, a future one this year's.
    check(
        "Sales fell in November.",
        thu(),
        "November",
        "2024-11",
        Date,
    );
    check(
        "The plant will open in November.",
        thu(),
        "November",
        "2025-11",
        Date,
    );
    check("Sales fell in January.", thu(), "January", "2025-01", Date);
    check(
        "The vote will be held on March 3.",
        thu(),
        "March 3",
        "2025-03-03",
        Date,
    );
    check(
        "The vote was held on May 3.",
        thu(),
        "May 3",
        "2024-05-03",
        Date,
    );
    check("It fell in November.", None, "November", "XXXX-11", Date);
    // No verb cue: the nearest occurrence; a weekday picks the year.
    check("Round two: March 9.", thu(), "March 9", "2025-03-09", Date);
    check(
        "The runoff is on Sunday, March 9.",
        thu(),
        "Sunday, March 9",
        "2025-03-09",
        Date,
    );
    check(
        "It was held on Saturday, March 9.",
        thu(),
        "Saturday, March 9",
        "2024-03-09",
        Date,
    );
}

#[test]
fn years_and_decades() {
    // Decades in words, after "the"; an age or a temperature is none.
    check(
        "Crime fell through the nineties.",
        None,
        "the nineties",
        "199",
        Date,
    );
    check(
        "Rents rose in the early sixties.",
        None,
        "the early sixties",
        "196",
        Date,
    );
    assert!(all("She is in her nineties.", None).is_empty());
    // A rating told in the sentence: no decade.
    assert!(all("His approval rating sank into the mid-30s.", None).is_empty());
    check(
        "Rents soared in the mid-70s.",
        None,
        "the mid-70s",
        "197",
        Date,
    );
    assert!(all("Highs will reach the nineties by noon.", None)
        .iter()
        .all(|m| m.0 != "the nineties"));
    // A year before 1900 after a preposition, closing its phrase.
    check("The mill opened in 1854.", None, "1854", "1854", Date);
    assert!(all("They moved 1854 crates in 1854 trucks.", None).is_empty());
    // A year after a determiner and an adjective.
    check(
        "She lost her bruising 1994 race.",
        None,
        "1994",
        "1994",
        Date,
    );
    assert!(all("The remaining 1994 shares were sold.", None).is_empty());
    check(
        "The company was founded in 2024.",
        None,
        "2024",
        "2024",
        Date,
    );
    check(
        "Music of the 1990s was loud.",
        None,
        "the 1990s",
        "199",
        Date,
    );
    check(
        "Prices last peaked in the late 1980's.",
        None,
        "the late 1980's",
        "198",
        Date,
    );
    check(
        "The highest level since '87 was seen.",
        thu(),
        "'87",
        "1987",
        Date,
    );
    check(
        "It took off in early 2013, they said.",
        None,
        "early 2013",
        "2013",
        Date,
    );
    check("Expo 2010 opened.", None, "2010", "2010", Date);
    check(
        "Art of the 20th century sold well.",
        None,
        "the 20th century",
        "19",
        Date,
    );
    // In February, a spring told in the past is last year's.
    check(
        "Sales rose in the spring, they said.",
        thu(),
        "the spring",
        "2024-SP",
        Date,
    );
    check(
        "It closes by the end of next year.",
        thu(),
        "the end of next year",
        "2026",
        Date,
    );
}

#[test]
fn quarters_and_halves() {
    let may = Some(d(2025, 5, 10));
    check(
        "Profit rose in the first quarter.",
        may,
        "the first quarter",
        "2025-Q1",
        Date,
    );
    check(
        "Sales fell in the fourth quarter.",
        may,
        "the fourth quarter",
        "2024-Q4",
        Date,
    );
    check("Profit rose in Q1 2025.", None, "Q1 2025", "2025-Q1", Date);
    check(
        "Revenue grew in the third quarter of this year.",
        may,
        "the third quarter of this year",
        "2025-Q3",
        Date,
    );
    check(
        "Results for the first half of 2024 were weak.",
        None,
        "the first half of 2024",
        "2024-H1",
        Date,
    );
    check(
        "Profits fell in the last quarter.",
        may,
        "the last quarter",
        "2025-Q1",
        Date,
    );
}

#[test]
fn times_of_day() {
    check(
        "The meeting starts at 3:30 p.m. sharp.",
        thu(),
        "3:30 p.m.",
        "2025-02-20T15:30",
        Time,
    );
    check("They met at noon.", thu(), "noon", "2025-02-20T12:00", Time);
    check(
        "The index was down at 16:08 UTC.",
        thu(),
        "16:08 UTC",
        "2025-02-20T16:08Z",
        Time,
    );
    check(
        "At 0800 GMT, the bank acted.",
        thu(),
        "0800 GMT",
        "2025-02-20T08:00Z",
        Time,
    );
    check(
        "The shop opens at 9am.",
        thu(),
        "9am",
        "2025-02-20T09:00",
        Time,
    );
    check(
        "Trump said Wednesday night on the plane.",
        thu(),
        "Wednesday night",
        "2025-02-19TNI",
        Time,
    );
    check(
        "Acme spoke on Friday morning.",
        thu(),
        "Friday morning",
        "2025-02-14TMO",
        Time,
    );
    check(
        "The talks resume tonight.",
        thu(),
        "tonight",
        "2025-02-20TNI",
        Time,
    );
    check(
        "Shots were heard last night.",
        thu(),
        "last night",
        "2025-02-19TNI",
        Time,
    );
    check(
        "He spoke this morning.",
        thu(),
        "this morning",
        "2025-02-20TMO",
        Time,
    );
}

#[test]
fn deictic_days() {
    check(
        "Acme today launched a phone.",
        thu(),
        "today",
        "2025-02-20",
        Date,
    );
    check(
        "Shares fell yesterday.",
        thu(),
        "yesterday",
        "2025-02-19",
        Date,
    );
    check(
        "Voting begins tomorrow.",
        thu(),
        "tomorrow",
        "2025-02-21",
        Date,
    );
    check(
        "It rose from earlier today.",
        thu(),
        "earlier today",
        "2025-02-20",
        Date,
    );
    check(
        "Shares fell yesterday.",
        None,
        "yesterday",
        "XXXX-XX-XX",
        Date,
    );
}

#[test]
fn weekdays_are_tense_aware() {
    // Published Thursday 2025-02-20.
    check(
        "The Telegraph reported it on Monday.",
        thu(),
        "Monday",
        "2025-02-17",
        Date,
    );
    check(
        "Zelensky said on Tuesday that it failed.",
        thu(),
        "Tuesday",
        "2025-02-18",
        Date,
    );
    check(
        "The talks will resume on Monday.",
        thu(),
        "Monday",
        "2025-02-24",
        Date,
    );
    check(
        "The hearing is set to open on Wednesday.",
        thu(),
        "Wednesday",
        "2025-02-26",
        Date,
    );
    check(
        "Markets stay closed until Friday.",
        thu(),
        "Friday",
        "2025-02-21",
        Date,
    );
    // The publication's own weekday is that day, whatever the tense.
    check(
        "He resigned on Thursday.",
        thu(),
        "Thursday",
        "2025-02-20",
        Date,
    );
    check(
        "He will resign on Thursday.",
        thu(),
        "Thursday",
        "2025-02-20",
        Date,
    );
    check(
        "He spoke last Monday.",
        thu(),
        "last Monday",
        "2025-02-17",
        Date,
    );
    check(
        "He speaks next Monday.",
        thu(),
        "next Monday",
        "2025-02-24",
        Date,
    );
    check(
        "He said on Monday that it failed.",
        None,
        "Monday",
        "XXXX-WXX-1",
        Date,
    );
    // An event name is not a weekday reference.
    assert!(all("Markets recalled Black Monday and its crash.", thu()).is_empty());
}

#[test]
fn relative_periods() {
    check(
        "During his visit to Kyiv last week, he met them.",
        thu(),
        "last week",
        "2025-W07",
        Date,
    );
    check(
        "It happened two weeks ago, they said.",
        thu(),
        "two weeks ago",
        "2025-W06",
        Date,
    );
    check(
        "Prices rose this month.",
        thu(),
        "this month",
        "2025-02",
        Date,
    );
    check(
        "Elections are due next year.",
        thu(),
        "next year",
        "2026",
        Date,
    );
    check(
        "Sales fell last month.",
        thu(),
        "last month",
        "2025-01",
        Date,
    );
    check(
        "It rose three days ago.",
        thu(),
        "three days ago",
        "2025-02-17",
        Date,
    );
    check(
        "It will be done a year from now.",
        thu(),
        "a year from now",
        "2026",
        Date,
    );
    check(
        "It happened earlier this month.",
        thu(),
        "earlier this month",
        "2025-02",
        Date,
    );
    check(
        "He fell last September.",
        thu(),
        "last September",
        "2024-09",
        Date,
    );
    check(
        "Talks are planned for next week.",
        None,
        "next week",
        "XXXX-WXX",
        Date,
    );
    check("Sales dropped last year.", None, "last year", "XXXX", Date);
}

#[test]
fn anaphoric_references() {
    // "or so" loosens the count, not the point.
    check(
        "The plan was drafted a week or so ago.",
        thu(),
        "a week or so ago",
        "2025-W07",
        Date,
    );
    // "earlier in the year", "later in the month": the period, part of it
    // being a modifier in TimeML.
    check(
        "Rains delayed planting earlier in the year.",
        thu(),
        "earlier in the year",
        "2025",
        Date,
    );
    check(
        "The senator will visit later in the month.",
        thu(),
        "later in the month",
        "2025-02",
        Date,
    );
    check(
        "A judge ruled earlier in the week.",
        thu(),
        "earlier in the week",
        "2025-W08",
        Date,
    );
    let v = all(
        "He arrived on March 3, 2020. He left the following day.",
        thu(),
    );
    assert_eq!(
        v[1],
        ("the following day".into(), "2020-03-04".into(), Date)
    );
    let v = all(
        "Acme was founded in 1971. One year later it went public.",
        thu(),
    );
    assert_eq!(v[1], ("One year later".into(), "1972".into(), Date));
    let v = all(
        "Shares fell on January 5, 2021. They rose the previous day.",
        thu(),
    );
    assert_eq!(v[1], ("the previous day".into(), "2021-01-04".into(), Date));
    let v = all(
        "Stocks rose on Friday. The report came out the same day.",
        thu(),
    );
    assert_eq!(v[1], ("the same day".into(), "2025-02-14".into(), Date));
    let v = all("The index fell on Monday, closing the day at 4,382.", thu());
    assert_eq!(v[1], ("the day".into(), "2025-02-17".into(), Date));
}

#[test]
fn durations() {
    // Spelled numbers, as transcripts write them.
    for (body, text, value) in [
        (
            "The vigil lasted twenty four hours.",
            "twenty four hours",
            "PT24H",
        ),
        (
            "The vigil lasted twenty-four hours.",
            "twenty-four hours",
            "PT24H",
        ),
        (
            "The dynasty ruled for two hundred fifty years.",
            "two hundred fifty years",
            "P250Y",
        ),
        (
            "The siege lasted one hundred days.",
            "one hundred days",
            "P100D",
        ),
        (
            "The siege lasted a hundred days.",
            "a hundred days",
            "P100D",
        ),
    ] {
        check(body, None, text, value, Duration);
    }
    // "a" after a tens word is no unit: "twenty a day" counts twenty.
    assert_eq!(one("They sold twenty a day.", None).0, "a day");
    check(
        "He travelled many hours on the train.",
        thu(),
        "many hours",
        "PTXH",
        Duration,
    );
    check(
        "The war lasted three years.",
        None,
        "three years",
        "P3Y",
        Duration,
    );
    check(
        "They talked for two weeks.",
        None,
        "two weeks",
        "P2W",
        Duration,
    );
    check(
        "The flight took 4 hours.",
        None,
        "4 hours",
        "PT4H",
        Duration,
    );
    check("It hit a 12-year low.", None, "12-year", "P12Y", Duration);
    check(
        "Stocks fell for six straight days.",
        None,
        "six straight days",
        "P6D",
        Duration,
    );
    check(
        "Prices rose in the past eight days.",
        None,
        "the past eight days",
        "P8D",
        Duration,
    );
    check(
        "It was the biggest in the past decade.",
        None,
        "the past decade",
        "P10Y",
        Duration,
    );
    check(
        "It is at its lowest in nearly seven months.",
        None,
        "nearly seven months",
        "P7M",
        Duration,
    );
    check(
        "It was the highest level in years.",
        None,
        "years",
        "PXY",
        Duration,
    );
    check(
        "He settled the decades-long dispute.",
        None,
        "decades",
        "PXY",
        Duration,
    );
}

#[test]
fn sets() {
    check(
        "The market opens every Monday.",
        None,
        "every Monday",
        "XXXX-WXX-1",
        Set,
    );
    check("The paper is published daily.", None, "daily", "P1D", Set);
    check(
        "Claims for weekly benefits rose.",
        None,
        "weekly",
        "P1W",
        Set,
    );
    check(
        "He goes there every two weeks.",
        None,
        "every two weeks",
        "P2W",
        Set,
    );
    check("She swims twice a week.", None, "twice a week", "P1W", Set);
    assert!(all("He read the Daily Mail.", None).is_empty());
}

#[test]
fn vague_stretches_and_references_in_idioms() {
    // "over the years" is the stretch up to the time told, as "for years".
    check(
        "Over the years the mill changed hands twice.",
        thu(),
        "the years",
        "PXY",
        Duration,
    );
    check(
        "The club has grown through the decades.",
        thu(),
        "the decades",
        "PXY",
        Duration,
    );
    assert!(all("He wrote little over the years of the siege.", thu()).is_empty());
    // "at the moment" told alone is now; "of late" is lately.
    check(
        "The pier is closed at the moment.",
        thu(),
        "the moment",
        "PRESENT_REF",
        Date,
    );
    check(
        "Few of the guests noticed it at the moment.",
        thu(),
        "the moment",
        "PAST_REF",
        Date,
    );
    assert!(all("Nobody spoke at the moment of the crash.", thu()).is_empty());
    check(
        "Ticket sales have slipped of late, the owner said.",
        thu(),
        "late",
        "PAST_REF",
        Date,
    );
    assert!(all("He met the widow of late Senator Vane.", thu()).is_empty());
    assert!(all("She is a fan of late-night radio.", thu()).is_empty());
}

#[test]
fn underspecified_references() {
    check("He recently moved.", thu(), "recently", "PAST_REF", Date);
    check(
        "The store now sells films.",
        thu(),
        "now",
        "PRESENT_REF",
        Date,
    );
    check(
        "It currently sells music.",
        thu(),
        "currently",
        "PRESENT_REF",
        Date,
    );
    check(
        "We will see in the future.",
        thu(),
        "the future",
        "FUTURE_REF",
        Date,
    );
    check(
        "Losses were the worst in recent years.",
        thu(),
        "recent years",
        "PAST_REF",
        Date,
    );
}

#[test]
fn no_false_alarms() {
    for body in [
        "Unemployment rose 50% in the region.",
        "Boeing delivered the 737 to the airline.",
        "The company raised $13 billion from investors.",
        "Officials said the plan may fail.",
        "Protesters will march on the capital.",
        "She lives at 1600 Pennsylvania Avenue.",
        "Arsenal won 3-1 at home.",
        "About 2000 people attended the rally.",
        "The index closed at 1950 points.",
        "He scored 2010 points in his career.",
        "The Northwind 2000 Series sold out.",
        "Its most recent model sold well.",
        "The second consecutive loss hurt.",
        "Acme sold 13.7 million phones.",
        "The ratio was 2/3 of the total.",
        "He said so as soon as he could.",
        "Savings sat in the now-collapsed bank.",
        "It fell 99999999999999999999 weeks ago.",
    ] {
        assert!(
            all(body, thu()).is_empty(),
            "{body:?} gave {:?}",
            all(body, thu())
        );
    }
}

#[test]
fn mentions_are_ordered_and_disjoint() {
    let body =
        "On Monday, February 17, 2025, at 3 p.m., he said last week's talks lasted two hours.";
    let t = Text::analyze(body);
    let v = extract(&t, thu());
    assert!(v.len() >= 3, "{v:?}");
    for w in v.windows(2) {
        assert!(w[0].end <= w[1].start, "{v:?}");
    }
    assert_eq!(v[0].value, "2025-02-17");
    assert_eq!(v[0].text, "Monday, February 17, 2025");
}

/// The reference date and its source for `body` without a publication date.
fn reference(body: &str, published: Option<NaiveDate>) -> (Option<NaiveDate>, ReferenceSource) {
    let t = Text::analyze(body);
    let (_, date, source) = analyze(&t, published);
    (date, source)
}

#[test]
fn reference_from_dateline() {
    use ReferenceSource::{Dateline, None as NoRef, PublishedAt};
    // Long, numeric and wire datelines.
    assert_eq!(
        reference("March 04, 2011\n\nThe board met yesterday.", None),
        (Some(d(2011, 3, 4)), Dateline)
    );
    assert_eq!(
        reference(
            "By Ann Example | 2011-03-04\nThe board met yesterday.",
            None
        ),
        (Some(d(2011, 3, 4)), Dateline)
    );
    assert_eq!(
        reference(
            "SPRINGFIELD, Nov. 7 (Reuters) — The 2013 budget passed.",
            None
        ),
        (Some(d(2013, 11, 7)), Dateline)
    );
    // A short dateline with no year written anywhere: no reference.
    assert_eq!(
        reference("SPRINGFIELD, Nov. 7 (AP) — It passed.", None),
        (None, NoRef)
    );
    // A date inside running text is no dateline.
    assert_eq!(
        reference("The board that met on March 4, 2011 voted.", None),
        (None, NoRef)
    );
    // Nor one far down the body.
    let far = format!("{}\n\nMarch 04, 2011", "The board voted.\n\n".repeat(5));
    assert_eq!(reference(&far, None), (None, NoRef));
    // published_at wins.
    assert_eq!(
        reference("March 04, 2011\n\nThe board met.", Some(d(2020, 1, 2))),
        (Some(d(2020, 1, 2)), PublishedAt)
    );
    // And the dateline resolves the relative dates.
    assert_eq!(
        all("March 04, 2011\n\nThe board met yesterday.", None)[1].1,
        "2011-03-03"
    );
}

#[test]
fn direction_from_prepositions_and_distance() {
    // Thursday 2025-02-20.
    let v = |body: &str| one(body, thu()).1;
    // "by", "until", "payable", "as soon as" point forward even in a past clause.
    assert_eq!(
        v("The board agreed to finish the audit by March."),
        "2025-03"
    );
    assert_eq!(v("The shop stayed closed until Monday."), "2025-02-24");
    assert_eq!(v("Acme declared a dividend payable March 5."), "2025-03-05");
    assert_eq!(
        v("The ferry could sail as soon as Tuesday, officials said."),
        "2025-02-25"
    );
    // "since" points back.
    assert_eq!(
        v("The road will stay shut, as it has been since June."),
        "2024-06"
    );
    // Ten months ahead by the cue while the other occurrence is weeks
    // away: the nearer one.
    assert_eq!(
        v("The council missed the deadline set for Feb. 10."),
        "2025-02-10"
    );
    // (Even against a past tense: a date written without its year is
    // within the year around publication, as news style has it.)
    assert_eq!(v("The vote was held on March 3."), "2025-03-03");
    assert_eq!(
        v("Talks are due to resume by Feb. 2, it said."),
        "2025-02-02"
    );
    // A quarter named without a year: reports come after the quarter ends.
    let oct = Some(d(2025, 10, 20));
    assert_eq!(
        one("Acme expects to report a loss for the third quarter.", oct).1,
        "2025-Q3"
    );
    assert_eq!(v("Acme posted a loss for the fourth quarter."), "2024-Q4");
    assert_eq!(
        v("Acme expects to post a profit in the first quarter."),
        "2025-Q1"
    );
}

#[test]
fn quarters_by_reference() {
    let oct = Some(d(2025, 10, 20));
    let vals = |body: &str| -> Vec<String> { all(body, oct).into_iter().map(|m| m.1).collect() };
    // A report comparing quarters: "a year earlier" is the same quarter then.
    assert_eq!(
        vals("Acme earned $5 million in the third quarter, up from $4 million a year earlier."),
        ["2025-Q3", "2024-Q3"]
    );
    assert_eq!(
        vals("Acme's third-quarter sales rose. The year-ago quarter was weak. The quarter was strong."),
        ["2025-Q3", "2024-Q3", "2025-Q3"]
    );
    // With no quarter named, the last one ended (results come after it).
    assert_eq!(
        vals("Acme paid $3 million in taxes during the quarter."),
        ["2025-Q3"]
    );
    // A quarter still to come is no reference for the latest one...
    assert_eq!(
        vals("Acme's third-quarter profit rose. It expects the storm to bring a fourth-quarter charge. Sales in the latest quarter rose from $2 million a year ago."),
        ["2025-Q3", "2025-Q4", "2025-Q3", "2024-Q3"]
    );
    // ... unless a past clause reports it: a fiscal quarter numbered ahead.
    assert_eq!(
        all(
            "Acme reported a drop in fourth-quarter profit. Sales in the latest period rose from a year earlier.",
            Some(d(2025, 11, 3))
        )
        .into_iter()
        .map(|m| m.1)
        .collect::<Vec<_>>(),
        ["2025-Q4", "2025-Q4", "2024-Q4"]
    );
    assert_eq!(vals("Sales in the latest quarter fell."), ["2025-Q3"]);
    // A written year's period is that year's, left to the year.
    assert_eq!(vals("Acme gained in the 1998 period."), ["1998"]);
    assert_eq!(
        vals("Acme lost money in the second quarter, against a profit in the corresponding period last year."),
        ["2025-Q2", "2024-Q2"]
    );
    // Without a quarter nearby, a year is a year.
    assert_eq!(vals("Acme opened a store a year ago."), ["2024"]);
    // A year before the ordinal.
    assert_eq!(vals("Sales in the 2023 second quarter fell."), ["2023-Q2"]);
    assert_eq!(
        vals("Sales in this year's first quarter fell."),
        ["2025-Q1"]
    );
    assert_eq!(
        vals("Sales in the year-ago third quarter fell."),
        ["2024-Q3"]
    );
    assert_eq!(vals("Sales in the last half of 2023 fell."), ["2023-H2"]);
    // "the quarter-to-quarter comparison" names no quarter.
    assert_eq!(
        vals("In the third quarter, the quarter-to-quarter gain was small."),
        ["2025-Q3"]
    );
    // Two quarters of a written year are its half; without one, a count.
    assert_eq!(
        vals("Losses will last through the first two quarters of 2026."),
        ["2026-H1"]
    );
    assert_eq!(
        vals("The last two quarters of 2024 were weak."),
        ["2024-H2"]
    );
    assert_eq!(
        all("Sales rose in the first two quarters.", oct)
            .into_iter()
            .map(|m| m.1)
            .collect::<Vec<_>>(),
        ["P2Q"]
    );
    // A half of a month is left to the month.
    assert_eq!(
        vals("The fair runs in the second half of July."),
        ["2025-07"]
    );
}

#[test]
fn clock_times_titles_and_days() {
    // Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<(String, String)> {
        all(body, thu()).into_iter().map(|m| (m.0, m.1)).collect()
    };
    let pair = |t: &str, v: &str| (t.to_string(), v.to_string());
    // Time and weekday as one expression.
    assert_eq!(
        vals("The polls closed at 15:00 GMT Saturday."),
        [pair("15:00 GMT Saturday", "2025-02-15T15:00Z")]
    );
    assert_eq!(
        vals("The strike will start at noon Monday."),
        [pair("noon Monday", "2025-02-24T12:00")]
    );
    // A clock time far from the last day named is the publication day's.
    let blog = "The count starts Tuesday. Voters lined up early. Turnout was high. \
                Lines were long. Officials were calm.\n\n2:05 p.m. — Results are in.";
    assert_eq!(vals(blog)[1], pair("2:05 p.m.", "2025-02-20T14:05"));
    // ... but near it, that day's.
    assert_eq!(
        vals("The crash happened Tuesday. Crews arrived at 3 p.m.")[1],
        pair("3 p.m.", "2025-02-18T15:00")
    );
    // Titles.
    assert!(vals("She hosted Saturday Night Live again.").is_empty());
    assert!(vals("He told CBS This Morning that he would run.").is_empty());
    assert!(vals("He appeared on The Tonight Show twice.").is_empty());
    // A capitalized Century starting a name; a century told in a title stays.
    assert!(vals("The deal gave 22nd Century Media a stake.").is_empty());
    assert_eq!(
        vals("Critics of the 19th Century spoke of it."),
        [("the 19th Century".to_string(), "18".to_string())]
    );
}

#[test]
fn coverage_holidays_ranges_sets_decades_fiscal() {
    // Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<(String, String)> {
        all(body, thu()).into_iter().map(|m| (m.0, m.1)).collect()
    };
    let pair = |t: &str, v: &str| (t.to_string(), v.to_string());
    // Computed holidays, by tense or with a year.
    assert_eq!(
        vals("The mall will open on Thanksgiving Day."),
        [pair("Thanksgiving Day", "2025-11-27")]
    );
    assert_eq!(
        vals("The vigil was held at Easter."),
        [pair("Easter", "2024-03-31")]
    );
    assert_eq!(
        vals("The parade on Easter 2019 was rained out."),
        [pair("Easter 2019", "2019-04-21")]
    );
    // Without a cue, the nearest one (here the coming one).
    assert_eq!(
        vals("Shops close on Good Friday."),
        [pair("Good Friday", "2025-04-18")]
    );
    assert_eq!(
        vals("The sale ended last Labor Day."),
        [pair("last Labor Day", "2024-09-02")]
    );
    assert!(vals("Children hunted for Easter eggs.").is_empty());
    // Points: "ago" makes both counts points.
    assert_eq!(
        vals("The wells were dug 20 and 50 years ago."),
        [pair("20", "2005"), pair("50 years ago", "1975")]
    );
    assert_eq!(
        vals("The notice came two or three weeks ago."),
        [pair("two", "2025-W06"), pair("three weeks ago", "2025-W05")]
    );
    // Ranges: two expressions, the first a bare count.
    assert_eq!(
        vals("The permit takes between 30 and 45 days."),
        [pair("30", "P30D"), pair("45 days", "P45D")]
    );
    assert_eq!(
        vals("Repairs take two to three weeks."),
        [pair("two", "P2W"), pair("three weeks", "P3W")]
    );
    // Sets.
    assert_eq!(
        vals("The club meets every other week."),
        [pair("every other week", "P2W")]
    );
    assert_eq!(
        vals("The band tours every summer."),
        [pair("every summer", "XXXX-SU")]
    );
    // Two-digit decades.
    assert_eq!(
        vals("Rents soared in the 70s and 80s."),
        [pair("the 70s", "197"), pair("80s", "198")]
    );
    assert!(vals("Highs will be in the 70s degrees.").is_empty());
    // Fiscal years: the year, with the word in the span.
    assert_eq!(
        vals("Sales in fiscal 2023 rose."),
        [pair("fiscal 2023", "FY2023")]
    );
    assert_eq!(vals("Sales in FY2023 rose."), [pair("FY2023", "FY2023")]);
}

#[test]
fn ages_and_classifying_adjectives_are_no_dates() {
    assert!(all("The 7-year-old boy and a 45-year-old man waited.", thu()).is_empty());
    assert!(all(
        "Acme raised its quarterly dividend before the annual meeting.",
        thu()
    )
    .is_empty());
    // The adverbs and "daily" stay sets.
    assert_eq!(one("Rates are reset quarterly.", thu()).1, "P3M");
    assert_eq!(one("The paper appears daily.", thu()).1, "P1D");
    // A duration with a hyphen is still one.
    assert_eq!(one("A 10-year bond rallied.", thu()).1, "P10Y");
    // Hyphenated quarters are a fraction.
    assert!(all("More than three-quarters came from small donors.", thu()).is_empty());
}

#[test]
fn year_ago_quarters_and_written_year_periods() {
    let oct = Some(d(2025, 10, 20));
    let vals = |body: &str| -> Vec<(String, String)> {
        all(body, oct).into_iter().map(|m| (m.0, m.1)).collect()
    };
    let pair = |t: &str, v: &str| (t.to_string(), v.to_string());
    assert_eq!(
        vals(
            "Acme lost $2 million in the third quarter, against a year-earlier loss of $3 million."
        ),
        [
            pair("the third quarter", "2025-Q3"),
            pair("year-earlier", "2024-Q3")
        ]
    );
    assert_eq!(
        vals("Acme lost $2 million in the third quarter. It earned $1 million in the 2024 period."),
        [
            pair("the third quarter", "2025-Q3"),
            pair("the 2024 period", "2024-Q3")
        ]
    );
    assert_eq!(
        vals("Acme lost money in the third quarter. For the quarter a year ago, it earned more."),
        [
            pair("the third quarter", "2025-Q3"),
            pair("the quarter a year ago", "2024-Q3")
        ]
    );
    // Without a quarter, "year-earlier" is last year; "the 2024 quarter" no count.
    assert_eq!(
        vals("A year-earlier survey found less."),
        [pair("year-earlier", "2024")]
    );
    // After "the", before a noun other than a quarter: the same adjective.
    assert_eq!(
        vals("Acme earned more in the third quarter. The year-ago figures were revised."),
        [
            pair("the third quarter", "2025-Q3"),
            pair("year-ago", "2024-Q3")
        ]
    );
    assert_eq!(
        vals("The year-earlier results had a one-time gain."),
        [pair("year-earlier", "2024")]
    );
}

#[test]
fn the_year_a_report_covers() {
    let vals = |body: &str, p: Option<NaiveDate>| -> Vec<(String, String)> {
        all(body, p).into_iter().map(|m| (m.0, m.1)).collect()
    };
    let pair = |t: &str, v: &str| (t.to_string(), v.to_string());
    let oct = Some(d(2025, 10, 20));
    assert_eq!(
        vals("For the year, the chain expects sales to rise 4%.", oct),
        [pair("the year", "2025")]
    );
    assert_eq!(
        vals("Profit for the full year should top $9 million.", oct),
        [pair("the full year", "2025")]
    );
    assert_eq!(
        vals("Orders slowed in the first nine months of the year.", oct),
        [
            pair("the first nine months", "P9M"),
            pair("the year", "2025")
        ]
    );
    // A fiscal year is FY (module docs).
    assert_eq!(
        vals("Margins will widen throughout the fiscal year.", oct),
        [pair("the fiscal year", "FY2025")]
    );
    // A January report of the fourth quarter: the year is the one just ended.
    assert_eq!(
        vals(
            "The brewer earned less in the fourth quarter. For the full year, volume was flat.",
            Some(d(2026, 1, 22))
        ),
        [
            pair("the fourth quarter", "2025-Q4"),
            pair("the full year", "2025")
        ]
    );
    // A fiscal year named relative to now.
    assert_eq!(
        vals(
            "Sales in the current fiscal year should beat last fiscal year.",
            oct
        ),
        [
            pair("the current fiscal year", "FY2025"),
            pair("last fiscal year", "FY2024")
        ]
    );
    // The year of something else is no report's year.
    for body in [
        "She was his coach for the year he spent abroad.",
        "They sold the farm for the year-end bonus.",
        "He stayed for the year before moving on.",
        "The award for the year goes to a teacher.",
    ] {
        assert!(
            vals(body, oct).iter().all(|(t, _)| t != "the year"),
            "{body:?}"
        );
    }
}

#[test]
fn deictic_words_in_a_dated_quotation() {
    let p = Some(d(2021, 6, 1));
    let vals = |body: &str| -> Vec<String> { all(body, p).into_iter().map(|m| m.1).collect() };
    // Quoted from a speech the text dates: that year's day.
    assert_eq!(
        vals("In a 1971 speech, she said: “We meet today as equals.” Today, few recall it."),
        ["1971", "1971-XX-XX", "2021-06-01"]
    );
    assert_eq!(
        vals("\"We start tomorrow,\" the mayor said in his 1999 address."),
        ["1999-XX-XX", "1999"]
    );
    // A quotation whose lead-in dates it after `in`, before its colon.
    assert_eq!(
        vals("Here is the mayor in March 1994: “Our town is small. We grow today.”"),
        ["1994-03", "1994-XX-XX"]
    );
    assert_eq!(
        vals("He was shot in a 1994 raid: “We grow today.”"),
        ["1994", "2021-06-01"]
    );
    // A quotation without a dated speech is today's.
    assert_eq!(vals("“We meet today,” she said."), ["2021-06-01"]);
    // Years counted in the dated speech, quoted or reported after a verb
    // of saying, count from its year.
    assert_eq!(
        vals("In a 1987 interview, the coach said that next year his team would win."),
        ["1987", "1988"]
    );
    assert_eq!(
        vals("In his 2003 address he declared that this year was the hardest."),
        ["2003", "2003"]
    );
    assert_eq!(
        vals("After a 1994 interview aired, fans worried. “Next year I stop,” he said."),
        ["1994", "1995"]
    );
    // Not before the verb of saying, nor without a dated speech.
    assert_eq!(
        vals("Next year, the coach said in a 1987 interview, would be his."),
        ["2022", "1987"]
    );
    assert_eq!(vals("The coach said next year would be better."), ["2022"]);
    // A quotation its sentence says was spoken on a weekday counts from
    // that day (Tuesday 2021-06-01: the Friday before is May 28).
    assert_eq!(
        vals("“We will decide tomorrow,” the mayor said Friday."),
        ["2021-05-29", "2021-05-28"]
    );
    assert_eq!(
        vals("She told reporters on Friday: “We vote today.”"),
        ["2021-05-28", "2021-05-28"]
    );
    // Outside the quotation, publication still counts.
    assert_eq!(
        vals("The mayor said Friday that the vote is today."),
        ["2021-05-28", "2021-06-01"]
    );
    // The weekday further on after `on`, or right before the verb; and
    // `tonight` counts from that day too.
    assert_eq!(
        vals("“We won today,” the coach wrote on her team blog on Sunday."),
        ["2021-05-30", "2021-05-30"]
    );
    assert_eq!(
        vals("A letter she mailed on Sunday night warned: “Our rally tonight is big.”"),
        ["2021-05-30TNI", "2021-05-30TNI"]
    );
    // Not a weekday the verb's object is set for.
    assert_eq!(
        vals("“We vote today,” she said of the hearing set for Friday."),
        ["2021-06-01", "2021-05-28"]
    );
    // Two apostrophes quote as a double mark does in wire text.
    assert_eq!(
        vals("''We meet today,'' the mayor said Friday."),
        ["2021-05-28", "2021-05-28"]
    );
}

#[test]
fn weekday_deadlines_and_dates_before_a_colon() {
    // Thursday 2025-02-20.
    let v = |body: &str| one(body, thu()).1;
    // A deadline within the week in a past clause is the one just gone...
    assert_eq!(
        v("Most members had filed their reports by Monday."),
        "2025-02-17"
    );
    // ... and in a future one the next.
    assert_eq!(
        v("Members will file their reports by Monday."),
        "2025-02-24"
    );
    // "Monday, Feb. 24:" the explicit date decides, colon and all.
    assert_eq!(
        one(
            "The paper wrote in an editorial on Monday, Feb. 24: the plan fails.",
            thu()
        ),
        (
            "Monday, Feb. 24".to_string(),
            "2025-02-24".to_string(),
            DateType::Date
        )
    );
}

#[test]
fn spoken_years_and_that_year() {
    let vals = |body: &str| -> Vec<(String, String)> {
        all(body, thu()).into_iter().map(|m| (m.0, m.1)).collect()
    };
    let pair = |t: &str, v: &str| (t.to_string(), v.to_string());
    assert_eq!(
        vals("The mill closed in nineteen eighty-two."),
        [pair("nineteen eighty-two", "1982")]
    );
    assert_eq!(
        vals("Prices fell in the winter of nineteen ninety-one."),
        [pair("the winter of nineteen ninety-one", "1991-WI")]
    );
    assert_eq!(
        vals("It opened in March nineteen seventy."),
        [pair("March nineteen seventy", "1970-03")]
    );
    assert_eq!(
        vals("The plan was due by the year two thousand."),
        [pair("the year two thousand", "2000")]
    );
    assert_eq!(
        vals("She moved away in June 2019 and came back later that year."),
        [
            pair("June 2019", "2019-06"),
            pair("later that year", "2019")
        ]
    );
}

#[test]
fn months_with_a_relative_year_sets_of_months_and_halves() {
    let vals = |body: &str| -> Vec<(String, String)> {
        all(body, thu()).into_iter().map(|m| (m.0, m.1)).collect()
    };
    let pair = |t: &str, v: &str| (t.to_string(), v.to_string());
    assert_eq!(
        vals("The plant reopened in July last year."),
        [pair("July last year", "2024-07")]
    );
    assert_eq!(
        vals("Talks began in December this year."),
        [pair("December this year", "2025-12")]
    );
    assert_eq!(
        vals("The bridge closed in March of last year."),
        [pair("March of last year", "2024-03")]
    );
    assert_eq!(
        vals("The line opens in May of next year."),
        [pair("May of next year", "2026-05")]
    );
    assert_eq!(
        vals("The fair opens each July."),
        [pair("each July", "XXXX-07")]
    );
    assert_eq!(
        vals("The flight took 5 1/2 hours."),
        [pair("5 1/2 hours", "PT5H30M")]
    );
    assert_eq!(
        vals("The talks lasted 2 1/2 years."),
        [pair("2 1/2 years", "P2Y6M")]
    );
}

#[test]
fn a_year_just_written_dates_the_month_day() {
    let vals = |body: &str| -> Vec<String> { all(body, thu()).into_iter().map(|m| m.1).collect() };
    // The year written just before in the sentence.
    assert_eq!(
        vals("The storm of 2019 struck on Sept. 3 and left on Sept. 9."),
        ["2019", "2019-09-03", "2019-09-09"]
    );
    // Not when the clause points forward, nor from another sentence
    // for a date around publication.
    assert_eq!(
        vals("Acme, founded in 2019, will list its shares on March 3."),
        ["2019", "2025-03-03"]
    );
    assert_eq!(
        vals("The storm came in 2019. It struck on Feb. 3."),
        ["2019", "2025-02-03"]
    );
}

#[test]
fn anaphoric_weekdays() {
    // Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<String> { all(body, thu()).into_iter().map(|m| m.1).collect() };
    assert_eq!(
        vals("The index fell on Feb. 4, down from the previous Friday."),
        ["2025-02-04", "2025-01-31"]
    );
    assert_eq!(
        vals("The talks opened on Feb. 4 and closed the following Monday."),
        ["2025-02-04", "2025-02-10"]
    );
}

#[test]
fn more_ages_fractions_and_titles() {
    assert!(all("Mr. Doe, 52 years old, retired.", thu()).is_empty());
    // Ages in a range, and plural "-year-olds", are ages too; a range of
    // lengths is not.
    assert!(all("The club takes players 9 to 12 years old.", thu()).is_empty());
    assert!(all("A survey of 21-to-29-year-olds found less interest.", thu()).is_empty());
    assert!(all("Most 16-year-olds cannot vote.", thu()).is_empty());
    assert_eq!(all("The repairs took 2 to 4 weeks.", thu()).len(), 2);
    assert!(all("The town imports about three-quarters of its food.", thu()).is_empty());
    assert!(all("She told CBS's 60 Minutes about it.", thu()).is_empty());
    assert!(all("He said on ABC's This Week that taxes rise.", thu()).is_empty());
    // Plain uses stay.
    assert_eq!(one("He waited 60 minutes.", thu()).1, "PT60M");
    assert_eq!(one("Taxes rose this week.", thu()).1, "2025-W08");
}

#[test]
fn scheduled_present_tense() {
    // Thursday 2025-02-20: a scheduled event in the present tense is ahead.
    assert_eq!(
        one("The deal closes in the third quarter.", thu()).1,
        "2025-Q3"
    );
    assert_eq!(
        one("The envoy visits Oslo on Monday.", thu()).1,
        "2025-02-24"
    );
}

#[test]
fn a_story_in_an_earlier_year_dates_its_month_days() {
    let pubd = Some(d(2015, 12, 4));
    let values =
        |body: &str| -> Vec<String> { all(body, pubd).into_iter().map(|(_, v, _)| v).collect() };
    // A few sentences after the story's year, far from publication.
    assert_eq!(
        values(
            "The storm hit the coast in 2011. Crews worked for weeks. \
             The governor said on March 9 that the levees held."
        ),
        ["2011", "PXW", "2011-03-09"]
    );
    // Near publication, the date is news, not story.
    assert_eq!(
        values("The storm hit the coast in 2011. The governor said on Nov. 20 that it was over."),
        ["2011", "2015-11-20"]
    );
    // A point in another year ends the story; a clause pointing forward
    // and a story year after publication's never take it.
    assert_eq!(
        values("The storm hit in 2011. It was rebuilt last year. On March 9 the mayor spoke."),
        ["2011", "2014", "2015-03-09"]
    );
    assert_eq!(
        values("The storm hit in 2011. The new levee will open on March 9."),
        ["2011", "2016-03-09"]
    );
    // Too many sentences later, publication's year again.
    assert_eq!(
        values("It hit in 2011. One. Two. Three. Four. The mayor spoke on March 9."),
        ["2011", "2015-03-09"]
    );
    // A bare month, whose year is only guessed, neither ends the story
    // nor carries it on.
    assert_eq!(
        values(
            "The storm hit in 2011. Crews came on March 9. \
             \"We warned them in June,\" a clerk said. The March 20 report followed."
        ),
        ["2011", "2011-03-09", "2015-06", "2011-03-20"]
    );
}

#[test]
fn named_marches_are_no_months() {
    let texts =
        |body: &str| -> Vec<String> { all(body, thu()).into_iter().map(|(t, _, _)| t).collect() };
    assert!(texts("She spoke at the March on Washington.").is_empty());
    assert!(texts("Thousands joined the annual March for Peace downtown.").is_empty());
    assert!(texts("He led the Harbor Pride March again.").is_empty());
    assert!(texts("They recalled the 1971 March through the valley.").len() == 1);
    // The month stays a month as an adjective and in date contexts.
    assert_eq!(texts("The March vote was close."), ["March"]);
    assert_eq!(texts("Sales rose in March, he said."), ["March"]);
    assert_eq!(texts("Acme began March with $8 million."), ["March"]);
}

#[test]
fn month_names_in_person_names_are_no_months() {
    let texts =
        |body: &str| -> Vec<String> { all(body, thu()).into_iter().map(|(t, _, _)| t).collect() };
    // After a first name or a title, before a last name.
    assert!(texts("Colin March said the ferry was late.").is_empty());
    assert!(texts("Reporters asked Ms. August about the levy.").is_empty());
    assert!(texts("The ruling came from Judge Nora June alone.").is_empty());
    assert!(texts("April Harris asked about the levy.").is_empty());
    assert!(texts("\"Never,\" said June Walker.").is_empty());
    // A word of time before it, or a noun phrase around it, keeps the month.
    assert_eq!(texts("In June Walker won the county."), ["June"]);
    assert_eq!(texts("The August Walker rally was loud."), ["August"]);
    assert_eq!(
        texts("The bitter February New Hampshire debate hurt him."),
        ["February"]
    );
    assert_eq!(texts("Sales rose in August, he said."), ["August"]);
}

#[test]
fn sets_with_a_frequency() {
    let sets = |body: &str| -> Vec<(String, String, DateType, Option<String>)> {
        let t = Text::analyze(body);
        extract(&t, thu())
            .into_iter()
            .map(|m| (m.text, m.value, m.kind, m.freq))
            .collect()
    };
    let set = |text: &str, value: &str, freq: Option<&str>| {
        (
            text.to_string(),
            value.to_string(),
            Set,
            freq.map(str::to_string),
        )
    };
    assert_eq!(
        sets("The club meets twice a week."),
        [set("twice a week", "P1W", Some("2X"))]
    );
    assert_eq!(
        sets("Rates are reset four times a year."),
        [set("four times a year", "P1Y", Some("4X"))]
    );
    assert_eq!(
        sets("Bills are mailed once per month."),
        [set("once per month", "P1M", Some("1X"))]
    );
    assert_eq!(
        sets("The show airs on Sunday mornings."),
        [set("Sunday mornings", "XXXX-WXX-7TMO", None)]
    );
    assert_eq!(
        sets("The menu changes each season."),
        [set("each season", "P3M", None)]
    );
    // A part of every day, and every weekend.
    assert_eq!(
        sets("The baker rises every morning at four."),
        [set("every morning", "XXXX-XX-XXTMO", None)]
    );
    assert_eq!(
        sets("Guards patrol the depot each night."),
        [set("each night", "XXXX-XX-XXTNI", None)]
    );
    assert_eq!(
        sets("The ferry only sails on weekends."),
        [set("weekends", "XXXX-WXX-WE", None)]
    );
    assert!(sets("He spent two weekends on the boat.")
        .iter()
        .all(|m| m.2 != Set));
    // "per" after an amount is a rate as "a" is; a speed is none.
    assert_eq!(
        sets("Porters earn $9 per hour plus tips."),
        [set("per hour", "PT1H", None)]
    );
    assert_eq!(
        sets("The grant pays 3 million per year."),
        [set("per year", "P1Y", None)]
    );
    assert!(sets("The train reached 90 miles per hour.").is_empty());
    // A rate after an amount recurs; "a year ago" after one does not.
    assert_eq!(
        sets("The lease costs $4 million a year."),
        [set("a year", "P1Y", None)]
    );
    assert_eq!(
        all("Sales rose from $4 million a year earlier.", thu()),
        [("a year earlier".to_string(), "2024".to_string(), Date)]
    );
    // "once" alone is no set.
    assert!(all("Once again the club met.", thu()).is_empty());
}

#[test]
fn ahead_of_points_forward() {
    // Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<String> { all(body, thu()).into_iter().map(|m| m.1).collect() };
    assert_eq!(
        vals("The candidates campaigned ahead of Tuesday's primary."),
        ["2025-02-25"]
    );
    assert_eq!(
        vals("Rivals traded barbs ahead of Ohio's Saturday vote."),
        ["2025-02-22"]
    );
    assert_eq!(
        vals("Shares fell ahead of the March 3 report."),
        ["2025-03-03"]
    );
    // Across a possessor with a determiner, a name of two words and a
    // hyphenated adjective.
    assert_eq!(
        vals("Rivals traded barbs ahead of the county's Saturday vote."),
        ["2025-02-22"]
    );
    assert_eq!(
        vals("Rivals traded barbs ahead of Rhode Island's hard-fought Saturday runoff."),
        ["2025-02-22"]
    );
    // A dash is no hyphen: "by" still decides.
    assert_eq!(
        vals("The mayor was popular -- by Election Day, he led by ten points."),
        ["2025-11-04"]
    );
    // Without it, a past clause keeps the day just gone.
    assert_eq!(
        vals("The candidates campaigned before Tuesday's primary."),
        ["2025-02-18"]
    );
}

#[test]
fn a_part_of_the_day_alone_is_of_the_day_last_named() {
    // Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<(String, String)> {
        all(body, thu()).into_iter().map(|m| (m.0, m.1)).collect()
    };
    let pair = |t: &str, v: &str| (t.to_string(), v.to_string());
    assert_eq!(
        vals("By mid afternoon, the roads were clear."),
        [pair("mid afternoon", "2025-02-20TAF")]
    );
    assert_eq!(
        vals("Shares slid Tuesday. Buyers returned in the afternoon."),
        [
            pair("Tuesday", "2025-02-18"),
            pair("the afternoon", "2025-02-18TAF")
        ]
    );
    assert_eq!(
        vals("Shares were flat at mid-morning yesterday."),
        [pair("mid-morning yesterday", "2025-02-19TMO")]
    );
    // A kind of thing, not a time.
    assert!(vals("She hosts one of the morning shows.").is_empty());
    // In a past clause, not a day still to come.
    assert_eq!(
        vals("The vote is set for March 3. Rivals sparred earlier in the evening.")[1],
        pair("the evening", "2025-02-20TEV")
    );
}

#[test]
fn this_weekend_is_this_weeks_unless_the_clause_is_past() {
    // Thursday 2025-02-20, ISO week 8.
    let vals = |body: &str| -> Vec<String> { all(body, thu()).into_iter().map(|m| m.1).collect() };
    assert_eq!(
        vals("If the weather holds this weekend, the fair opens."),
        ["2025-W08-WE"]
    );
    assert_eq!(vals("The fair closed early this weekend."), ["2025-W07-WE"]);
}

#[test]
fn in_the_past_before_a_clause() {
    let vals = |body: &str| -> Vec<(String, String)> {
        all(body, thu()).into_iter().map(|m| (m.0, m.1)).collect()
    };
    let pair = |t: &str, v: &str| (t.to_string(), v.to_string());
    assert_eq!(
        vals("The firm has in the past sold its stake."),
        [pair("the past", "PAST_REF")]
    );
    assert_eq!(
        vals("Sales rose in the past two years."),
        [pair("the past two years", "P2Y")]
    );
    assert!(vals("She spoke in the past tense.").is_empty());
}

#[test]
fn soon_in_a_past_narrative_is_no_reference() {
    let vals = |body: &str| -> Vec<String> { all(body, thu()).into_iter().map(|m| m.1).collect() };
    assert_eq!(
        vals("The budget will soon move into surplus."),
        ["FUTURE_REF"]
    );
    assert!(vals("The trickle soon became a flood.").is_empty());
    assert!(vals("He was soon released.").is_empty());
    // "anytime soon" looks ahead whatever the clause's tense.
    assert_eq!(
        vals("They were not looking to sell anytime soon."),
        ["FUTURE_REF"]
    );
    assert!(vals("Soon afterward, the mayor arrived.").is_empty());
}

#[test]
fn a_deadline_opening_a_past_sentence_is_gone() {
    // Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<String> { all(body, thu()).into_iter().map(|m| m.1).collect() };
    assert_eq!(
        vals("Until Tuesday, the board had refused to comment."),
        ["2025-02-18"]
    );
    assert_eq!(
        vals("Up until Monday, the shares were trading flat."),
        ["2025-02-17"]
    );
    // A deadline after its verb still looks ahead.
    assert_eq!(vals("Markets stay closed until Monday."), ["2025-02-24"]);
    assert_eq!(
        vals("Officials postponed the vote until Monday."),
        ["2025-02-24"]
    );
}

#[test]
fn the_last_unit_after_over_or_in_is_the_stretch_to_now() {
    // Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<String> { all(body, thu()).into_iter().map(|m| m.1).collect() };
    assert_eq!(vals("Rents have climbed over the last year."), ["P1Y"]);
    assert_eq!(
        vals("The mayor spent the last week touring farms."),
        ["P1W"]
    );
    assert_eq!(vals("Three shops closed in the last month."), ["P1M"]);
    // Ahead likewise after `over`; `in the next week` is a point.
    assert_eq!(vals("Ferries will run over the next month."), ["P1M"]);
    assert_eq!(vals("Crews hope to finish over the coming year."), ["P1Y"]);
    assert_eq!(vals("The panel meets in the next week."), ["2025-W09"]);
    // A part of something, and the calendar unit without `the`, are not.
    assert!(
        all("Turnout fell during the last week of a festival.", thu())
            .iter()
            .all(|m| m.2 != Duration)
    );
    assert_eq!(vals("Rents climbed last year."), ["2024"]);
}

#[test]
fn a_deadline_reached_in_a_past_clause_is_gone() {
    // Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<String> { all(body, thu()).into_iter().map(|m| m.1).collect() };
    // A past perfect tells the deadline as reached.
    assert_eq!(
        vals("The club had been renting the hall until May."),
        ["2024-05"]
    );
    assert_eq!(
        vals("By the end of July, the fund had collected $2 million."),
        ["2024-07"]
    );
    // A total over a period to its end.
    assert_eq!(
        vals("The party paid the pollster $80,000 through the end of October."),
        ["2024-10"]
    );
    // A future reported in the past, a deadline moved ahead, a plain
    // deadline: still to come.
    assert_eq!(
        vals("The mayor said the bridge would reopen by June."),
        ["2025-06"]
    );
    assert_eq!(
        vals("The council had postponed the hearing until May."),
        ["2025-05"]
    );
    assert_eq!(vals("The museum stays open until June."), ["2025-06"]);
}

#[test]
fn a_month_governed_by_will_is_the_coming_one_however_far() {
    // Sunday 2016-04-10: next February is ten months ahead.
    let april = Some(d(2016, 4, 10));
    let vals = |body: &str| -> Vec<String> { all(body, april).into_iter().map(|m| m.1).collect() };
    assert_eq!(vals("The new mill will open in February."), ["2017-02"]);
    assert_eq!(
        vals("The treaty will be ratified on Feb. 3."),
        ["2017-02-03"]
    );
    // A month dating a noun is not governed by it.
    assert_eq!(
        vals("Traders will study the March payroll data."),
        ["2016-03"]
    );
    // Without `will`, the nearer one.
    assert_eq!(vals("The mill may open in February."), ["2016-02"]);
}

#[test]
fn a_month_with_no_cue_is_the_nearest() {
    let june = Some(d(2016, 6, 10));
    let vals = |body: &str| -> Vec<String> { all(body, june).into_iter().map(|m| m.1).collect() };
    assert_eq!(vals("Abortion is a key factor in November."), ["2016-11"]);
    assert_eq!(vals("Snow is rare in February."), ["2016-02"]);
    // A cue still decides.
    assert_eq!(vals("The party lost badly in November."), ["2015-11"]);
}

#[test]
fn a_bare_season_follows_the_clause() {
    let feb = Some(d(2026, 2, 3));
    let vals = |body: &str| -> Vec<String> { all(body, feb).into_iter().map(|m| m.1).collect() };
    // Past clause: the summer gone; by a deadline in a past clause, too.
    assert_eq!(vals("Prices changed over the summer."), ["2025-SU"]);
    assert_eq!(
        vals("The race was by the summer a different contest."),
        ["2025-SU"]
    );
    // Future clause: the coming one.
    assert_eq!(vals("The store will open in the summer."), ["2026-SU"]);
    // No cue: the reference's year.
    assert_eq!(vals("Tourists come in the summer."), ["2026-SU"]);
    // "last" and "next" keep their own year.
    assert_eq!(vals("They met last summer."), ["2025-SU"]);
    // More prepositions, and a modifier after "the".
    assert_eq!(vals("The strike lasted well into the summer."), ["2025-SU"]);
    assert_eq!(
        vals("Sales recovered from the lows of the early spring."),
        ["2025-SP"]
    );
    assert_eq!(
        vals("The team will practise throughout the summer."),
        ["2026-SU"]
    );
    // "this past" and "this coming": the one gone and the one ahead.
    assert_eq!(vals("The plant closed this past summer."), ["2025-SU"]);
    assert_eq!(vals("The plant reopens this coming summer."), ["2026-SU"]);
    // A fall of something is no autumn.
    assert!(vals("Prices fell since the fall of the regime.").is_empty());
    assert!(vals("Classes start at the end of the fall semester.").is_empty());
}

#[test]
fn nouns_and_adjectives_are_no_tense_cues() {
    // Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<String> { all(body, thu()).into_iter().map(|m| m.1).collect() };
    // "a shot", "the left": nouns, not past verbs.
    assert_eq!(
        vals("She will have a shot at the title on June 7."),
        ["2025-06-07"]
    );
    // "in pledged votes": an adjective after a preposition.
    assert_eq!(
        vals("The count, in pledged votes, will be final on Tuesday."),
        ["2025-02-25"]
    );
    // An irregular past verb is a cue.
    assert_eq!(vals("The mayor stood firm on Tuesday."), ["2025-02-18"]);
}

#[test]
fn a_clock_time_takes_the_date_written_after_it() {
    // Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<(String, String)> {
        all(body, thu()).into_iter().map(|m| (m.0, m.1)).collect()
    };
    assert_eq!(
        vals("The offer runs until 5 p.m. EST, March 3."),
        [(
            "5 p.m. EST, March 3".to_string(),
            "2025-03-03T17:00".to_string()
        )]
    );
    assert_eq!(
        vals("Polls close at 8 p.m. Nov. 4, 2026."),
        [(
            "8 p.m. Nov. 4, 2026".to_string(),
            "2026-11-04T20:00".to_string()
        )]
    );
    // "on" a day after the clock time dates it; the day stays its own.
    assert_eq!(
        vals("The gates opened at 7:15 a.m. on April 22, 2011."),
        [
            ("7:15 a.m.".to_string(), "2011-04-22T07:15".to_string()),
            ("April 22, 2011".to_string(), "2011-04-22".to_string())
        ]
    );
    assert_eq!(
        vals("She left around 11:45 a.m. on Tuesday."),
        [
            ("11:45 a.m.".to_string(), "2025-02-18T11:45".to_string()),
            ("Tuesday".to_string(), "2025-02-18".to_string())
        ]
    );
    // A plan told as overtaken ("had been scheduled") is a day gone.
    assert_eq!(
        vals("The offer had been scheduled to expire at midnight Tuesday."),
        [(
            "midnight Tuesday".to_string(),
            "2025-02-18T24:00".to_string()
        )]
    );
}

#[test]
fn that_month_and_month_of_that_year_take_the_year_last_mentioned() {
    let june = Some(d(2016, 6, 10));
    let vals = |body: &str| -> Vec<(String, String)> {
        all(body, june).into_iter().map(|m| (m.0, m.1)).collect()
    };
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        vals("The senator ran in 1984 and lost that November."),
        [pair("1984", "1984"), pair("that November", "1984-11")]
    );
    assert_eq!(
        vals("He took office in 2009, and the rate peaked in October of that year."),
        [
            pair("2009", "2009"),
            pair("October of that year", "2009-10")
        ]
    );
    assert_eq!(
        vals("She moved in 2011 and married in May that year."),
        [pair("2011", "2011"), pair("May that year", "2011-05")]
    );
    // A conjunction before a name is not part of a date.
    assert!(vals("He said that March Hale would run.")
        .iter()
        .all(|(t, _)| !t.starts_with("that")));
}

#[test]
fn the_quarter_ended_a_day_is_the_calendar_quarter_of_its_months() {
    let nov = Some(d(2025, 11, 5));
    let vals = |body: &str| -> Vec<(String, String)> {
        all(body, nov).into_iter().map(|m| (m.0, m.1)).collect()
    };
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    // May to July is mostly the second quarter.
    assert_eq!(
        vals("Acme earned $3 million in the quarter ended July 31."),
        [
            pair("the quarter", "2025-Q2"),
            pair("July 31", "2025-07-31")
        ]
    );
    // ... and it is the reference for a later comparison.
    assert_eq!(
        vals("Sales rose in the quarter ended Sept. 30 from a year earlier."),
        [
            pair("the quarter", "2025-Q3"),
            pair("Sept. 30", "2025-09-30"),
            pair("a year earlier", "2024-Q3")
        ]
    );
    // A quarter named just before keeps its number.
    assert_eq!(
        vals(
            "In its fiscal first quarter, Acme gained. Sales for the quarter ended Sept. 30 rose."
        )
        .get(1),
        Some(&pair("the quarter", "2025-Q1"))
    );
}

#[test]
fn a_reporting_year_ended_a_day_is_a_year_long() {
    let vals = |body: &str| -> Vec<(String, String, DateType)> { all(body, thu()) };
    assert_eq!(
        vals("Acme lost $2 million in the fiscal year ended Jan. 25."),
        [
            ("the fiscal year".to_string(), "P1Y".to_string(), Duration),
            ("Jan. 25".to_string(), "2025-01-25".to_string(), Date)
        ]
    );
    // Without an end date it is no reporting year.
    assert!(vals("It was the year of the flood.").is_empty());
}

#[test]
fn a_quotation_keeps_its_own_tense() {
    // Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<String> { all(body, thu()).into_iter().map(|m| m.1).collect() };
    // The modal inside the quotation is not the clause's tense.
    assert_eq!(
        vals("The senator made the case in a long interview with a radio host on Tuesday: \"We can win.\""),
        ["2025-02-18"]
    );
    // Inside the quotation its own cue decides.
    assert_eq!(
        vals("The coach said after the loss: \"We will be back on Saturday.\""),
        ["2025-02-22"]
    );
    // "but" opens a clause of its own.
    assert_eq!(
        vals("The rival did not win as he could have Tuesday, but he may win in later races."),
        ["2025-02-18"]
    );
    // Without a boundary the nearest cue still decides.
    assert_eq!(
        vals("The senator said on Tuesday that they can still win."),
        ["2025-02-18"]
    );
}

#[test]
fn an_hour_in_a_part_of_the_day_is_a_clock_time() {
    // Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<(String, String)> {
        all(body, thu()).into_iter().map(|m| (m.0, m.1)).collect()
    };
    let pair = |t: &str, v: &str| (t.to_string(), v.to_string());
    assert_eq!(
        vals("The convoy left at 4 in the morning."),
        [pair("4 in the morning", "2025-02-20T04:00")]
    );
    assert_eq!(
        vals("The doors opened at 7:30 in the evening."),
        [pair("7:30 in the evening", "2025-02-20T19:30")]
    );
    // Before a noun, a count and a part of the day.
    assert_eq!(
        vals("The team was ranked at 4 in the morning poll."),
        [pair("the morning", "2025-02-20TMO")]
    );
}

#[test]
fn the_week_of_a_day_is_that_week() {
    // Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<(String, String)> {
        all(body, thu()).into_iter().map(|m| (m.0, m.1)).collect()
    };
    let pair = |t: &str, v: &str| (t.to_string(), v.to_string());
    assert_eq!(
        vals("The vote is set for the week of March 10."),
        [pair("the week of March 10", "2025-W11")]
    );
    assert!(vals("The week of talks ended without a deal.").is_empty());
}

#[test]
fn the_next_morning_follows_the_day_last_named() {
    // Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<String> { all(body, thu()).into_iter().map(|m| m.1).collect() };
    assert_eq!(
        vals("The envoy landed on Monday and met the king the next morning."),
        ["2025-02-17", "2025-02-18TMO"]
    );
    assert_eq!(
        vals("The envoy landed on Monday and flew home the following night."),
        ["2025-02-17", "2025-02-18TNI"]
    );
    // With no day named before, the day it follows is unknown.
    assert_eq!(
        vals("He showed me the road he would take the following morning."),
        ["XXXX-XX-XXTMO"]
    );
    // "the next morning shows": a kind of thing.
    assert!(vals("The next morning shows were cancelled.").is_empty());
}

#[test]
fn at_the_end_of_the_day_in_a_quotation_is_the_idiom() {
    // Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<String> { all(body, thu()).into_iter().map(|m| m.1).collect() };
    assert!(vals("\"At the end of the day, the members decide,\" the chair said.").is_empty());
    // Told by the narrator, the day's close.
    assert_eq!(
        vals("The index closed 2 percent higher at the end of the day."),
        ["2025-02-20"]
    );
}

#[test]
fn and_a_half_is_part_of_the_count() {
    // Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<(String, String)> {
        all(body, thu()).into_iter().map(|m| (m.0, m.1)).collect()
    };
    let pair = |t: &str, v: &str| (t.to_string(), v.to_string());
    assert_eq!(
        vals("The ferry crossing takes three and a half hours."),
        [pair("three and a half hours", "PT3H30M")]
    );
    assert_eq!(
        vals("She waited a year and a half for the permit."),
        [pair("a year and a half", "P1Y6M")]
    );
    // Before a signal word, the stretch: no whole-unit point to shift to.
    assert_eq!(
        vals("An hour and a half later, the crowd left."),
        [pair("An hour and a half", "PT1H30M")]
    );
    // A half of something else is no time.
    assert!(vals("The runner did two and a half laps.").is_empty());
}

#[test]
fn the_second_day_of_a_range_is_its_own_date() {
    // Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<(String, String)> {
        all(body, thu()).into_iter().map(|m| (m.0, m.1)).collect()
    };
    let pair = |t: &str, v: &str| (t.to_string(), v.to_string());
    assert_eq!(
        vals("The fair will open on April 24 and 25."),
        [pair("April 24", "2025-04-24"), pair("25", "2025-04-25")]
    );
    assert_eq!(
        vals("The survey, taken March 17-20, 2016, shows a lead."),
        [
            pair("March 17", "2016-03-17"),
            pair("20, 2016", "2016-03-20")
        ]
    );
    // A count after the first day is no second day.
    assert_eq!(
        vals("Turnout fell from 61 percent on May 9 to 57 percent."),
        [pair("May 9", "2024-05-09")]
    );
}

#[test]
fn a_cue_past_a_comma_is_another_clauses() {
    // Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<String> { all(body, thu()).into_iter().map(|m| m.1).collect() };
    // The relative clause's verb, not the main clause's plan, dates the Monday.
    assert_eq!(
        vals("The mayor, who unveiled a housing plan on Monday, plans to tour the city."),
        ["2025-02-17"]
    );
    // The attribution after the comma is the report's tense, not the event's.
    assert_eq!(
        vals("The minister will open the bridge on Saturday, officials said."),
        ["2025-02-22"]
    );
    // With no cue on its own side, the clause after the comma decides.
    assert_eq!(
        vals("On Saturday, the minister will open the bridge."),
        ["2025-02-22"]
    );
    // An aside set off by commas takes the verb of the clause around it.
    assert_eq!(
        vals("His next lecture, on May 8, was given in a packed hall."),
        ["2024-05-08"]
    );
}

#[test]
fn heading_into_looks_ahead_unless_told_as_past() {
    // Thursday 2025-02-20: November 2024 is nearer than November 2025.
    let vals = |body: &str| -> Vec<String> { all(body, thu()).into_iter().map(|m| m.1).collect() };
    assert_eq!(
        vals("The party is not in good shape going into November."),
        ["2025-11"]
    );
    assert_eq!(
        vals("Turnout is the worry heading into Tuesday's runoff."),
        ["2025-02-25"]
    );
    // Told in the past, the vote it headed into is gone.
    assert_eq!(
        vals("The mayor had raised more money than her rival heading into Tuesday's runoff."),
        ["2025-02-18"]
    );
}

#[test]
fn couples_stretches_ahead_and_year_ends() {
    // Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<(String, String)> {
        all(body, thu()).into_iter().map(|m| (m.0, m.1)).collect()
    };
    let pair = |t: &str, v: &str| (t.to_string(), v.to_string());
    // "a couple of" counts two.
    assert_eq!(
        vals("The plant stays shut for a couple of weeks."),
        [pair("a couple of weeks", "P2W")]
    );
    assert_eq!(
        vals("Over the next couple of years the fleet will grow."),
        [pair("the next couple of years", "P2Y")]
    );
    // A vague stretch to come, with or without `the`.
    assert_eq!(
        vals("Rates may ease in coming months."),
        [pair("coming months", "PXM")]
    );
    assert_eq!(
        vals("Rates may ease in the weeks ahead."),
        [pair("the weeks ahead", "PXW")]
    );
    assert_eq!(
        vals("Rates may ease in the years to come."),
        [pair("the years to come", "PXY")]
    );
    // "ahead of" is a time before something, not a stretch.
    assert!(vals("The days ahead of the vote were tense.").is_empty());
    // The year's end is the year; after `since`, the one gone.
    assert_eq!(
        vals("The sale should close by year-end."),
        [pair("year-end", "2025")]
    );
    assert_eq!(
        vals("The index is up 4% since year-end."),
        [pair("year-end", "2024")]
    );
    assert_eq!(
        vals("The rules should be in place by year's end."),
        [pair("year's end", "2025")]
    );
    // A classifying adjective is no date and no year's length.
    assert!(vals("Staff got a year-end bonus.").is_empty());
}

#[test]
fn a_month_day_written_with_its_year_keeps_it() {
    // Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<String> { all(body, thu()).into_iter().map(|m| m.1).collect() };
    // The same day named again without its year, many sentences later.
    assert_eq!(
        vals(
            "The dam failed on June 4, 1976. Crews came. Roads shut. Schools closed. \
             Farms flooded. Later, engineers said the June 4 failure was foreseeable."
        ),
        ["1976-06-04", "1976-06-04"]
    );
    // A clause looking ahead means the next one.
    assert_eq!(
        vals("The dam failed on June 4, 1976. A memorial will open on June 4."),
        ["1976-06-04", "2025-06-04"]
    );
    // Another month-day is not concerned.
    assert_eq!(
        vals(
            "The dam failed on June 4, 1976. Crews came. Roads shut. Schools closed. \
             Farms flooded. The board met on Jan. 30."
        ),
        ["1976-06-04", "2025-01-30"]
    );
}

#[test]
fn a_duty_looks_ahead() {
    // Thursday 2025-02-20: November is nearer back, but a duty is to come.
    let vals = |body: &str| -> Vec<String> { all(body, thu()).into_iter().map(|m| m.1).collect() };
    assert_eq!(
        vals("The mayor must win the suburbs in November."),
        ["2025-11"]
    );
    // "must have" is a guess about the past.
    assert_eq!(vals("The ruling must have come in November."), ["2024-11"]);
}

#[test]
fn two_days_either_side() {
    // Thursday 2025-02-20.
    check(
        "The ferry left the day before yesterday.",
        thu(),
        "the day before yesterday",
        "2025-02-18",
        Date,
    );
    check(
        "The count ends the day after tomorrow.",
        thu(),
        "the day after tomorrow",
        "2025-02-22",
        Date,
    );
}

#[test]
fn us_holidays_computed_from_the_year() {
    // Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<(String, String)> {
        all(body, thu()).into_iter().map(|m| (m.0, m.1)).collect()
    };
    let pair = |t: &str, v: &str| (t.to_string(), v.to_string());
    // Election Day with no cue is the coming one, a past clause the last.
    assert_eq!(
        vals("Turnout on Election Day decides the race."),
        [pair("Election Day", "2025-11-04")]
    );
    assert_eq!(
        vals("The mayor won on Election Day."),
        [pair("Election Day", "2024-11-05")]
    );
    assert_eq!(
        vals("Banks closed on Martin Luther King Jr. Day."),
        [pair("Martin Luther King Jr. Day", "2025-01-20")]
    );
    assert_eq!(
        vals("Malls were full on Presidents' Day."),
        [pair("Presidents' Day", "2025-02-17")]
    );
    assert_eq!(
        vals("Shoppers will line up on Black Friday."),
        [pair("Black Friday", "2025-11-28")]
    );
    assert_eq!(
        vals("A parade is planned for Veterans Day."),
        [pair("Veterans Day", "2025-11-11")]
    );
    assert_eq!(
        vals("Fireworks will light the sky on the Fourth of July."),
        [pair("Fourth of July", "2025-07-04")]
    );
    // A lowercase "election day" is a description, not the name.
    assert!(vals("It was a long election day for the staff.").is_empty());
}

#[test]
fn a_live_blog_timestamp_is_the_blog_day() {
    // Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<(String, String)> {
        all(body, thu()).into_iter().map(|m| (m.0, m.1)).collect()
    };
    let pair = |t: &str, v: &str| (t.to_string(), v.to_string());
    // The entry before names another day; the next timestamp is still today's.
    let blog =
        "4:10 p.m.\n\nThe mayor recalled the vote on Jan. 5.\n\n3:55 p.m.\n\nCrowds gathered.";
    assert_eq!(
        vals(blog),
        [
            pair("4:10 p.m.", "2025-02-20T16:10"),
            pair("Jan. 5", "2025-01-05"),
            pair("3:55 p.m.", "2025-02-20T15:55")
        ]
    );
    // Inside a sentence, a clock time still takes the day just named.
    assert_eq!(
        vals("The mayor recalled the vote on Jan. 5. It closed at 3:55 p.m.")[1],
        pair("3:55 p.m.", "2025-01-05T15:55")
    );
}

#[test]
fn a_name_glued_to_a_layout_word_is_read_alone() {
    // Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<(String, String, usize)> {
        let t = Text::analyze(body);
        extract(&t, thu())
            .into_iter()
            .map(|m| (m.text, m.value, m.start))
            .collect()
    };
    let v = |t: &str, val: &str, at: usize| (t.to_string(), val.to_string(), at);
    // A blog's label run into its date; the clock time after it is that day's.
    assert_eq!(
        vals("Posted by Ann LeeEditedJanuary 9, 2025 8:15PM\nThe rally ended."),
        [
            v("January 9, 2025", "2025-01-09", 23),
            v("8:15PM", "2025-01-09T20:15", 39)
        ]
    );
    // Two words run together by a typo: the weekday alone, not `this Monday`.
    assert_eq!(
        vals("This echoesMonday's vote in the senate."),
        [v("Monday", "2025-02-17", 11)]
    );
    // A blog's clock time run into its entry's headline: the time alone,
    // on the day written before it.
    assert_eq!(
        vals("PostedJanuary 9, 2025 8:15PMMayor Opens Ferry Dock\nShe cut a ribbon."),
        [
            v("January 9, 2025", "2025-01-09", 6),
            v("8:15PM", "2025-01-09T20:15", 22)
        ]
    );
    assert_eq!(
        vals("Update 9AMFerry Resumes"),
        [v("9AM", "2025-02-20T09:00", 7)]
    );
    // Not a marker run into lowercase letters.
    assert!(vals("They sold 5pmish tickets.").is_empty());
    // Not a surname that ends in a month, nor a hashtag's weekday.
    assert!(vals("The LeMay 4 team won.").is_empty());
    assert!(vals("Fans posted #BigSaturday photos.").is_empty());
}

#[test]
fn fractions_and_halves_of_units() {
    // Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<(String, String)> {
        all(body, thu()).into_iter().map(|m| (m.0, m.1)).collect()
    };
    let pair = |t: &str, v: &str| (t.to_string(), v.to_string());
    // A quarter of something is a fraction, not three months.
    assert!(vals("About a quarter of the members voted no.").is_empty());
    assert!(vals("Support fell by between a quarter and a third.").is_empty());
    assert!(vals("He carried the quarter of members who joined late.").is_empty());
    // ... while the quarter itself still is one.
    assert_eq!(
        vals("Profit doubled in the quarter."),
        [pair("the quarter", "2024-Q4")]
    );
    // Halves and a quarter of a century.
    assert_eq!(
        vals("The ferry took half an hour."),
        [pair("half an hour", "PT30M")]
    );
    assert_eq!(
        vals("The ferry took a half hour."),
        [pair("a half hour", "PT30M")]
    );
    assert_eq!(
        vals("The mill ran for half a century."),
        [pair("half a century", "P50Y")]
    );
    assert_eq!(
        vals("The mill ran for a quarter of a century."),
        [pair("a quarter of a century", "P25Y")]
    );
}

#[test]
fn vague_stretches_before_and_after_a_point() {
    // Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<(String, String, DateType)> { all(body, thu()) };
    let t = |s: &str, v: &str, k: DateType| (s.to_string(), v.to_string(), k);
    assert_eq!(
        vals("Weeks later, the firm closed."),
        [t("Weeks", "PXW", Duration)]
    );
    assert_eq!(
        vals("A few days later, the firm closed."),
        [t("A few days", "PXD", Duration)]
    );
    assert_eq!(
        vals("The firm was thriving just months ago."),
        [t("months", "PXM", Duration)]
    );
    // A counted stretch is still a point, from the day named before it;
    // with none, a past clause's point would fall after publication: the
    // stretch (see `later_past_publication_...`).
    assert_eq!(
        vals("The firm opened on Monday. Two days later, it closed."),
        [
            t("Monday", "2025-02-17", Date),
            t("Two days later", "2025-02-19", Date)
        ]
    );
    assert_eq!(
        vals("Two days later, the firm closed."),
        [t("Two days", "P2D", Duration)]
    );
    // "the days before" is no stretch before a point.
    assert!(vals("In the days before the vote, he toured.").is_empty());
}

#[test]
fn a_past_day_counts_from_a_day_gone() {
    // Thursday 2025-02-20; Tuesday 02-18 is gone, next Tuesday 02-25 to come.
    let vals = |body: &str| -> Vec<String> { all(body, thu()).into_iter().map(|m| m.1).collect() };
    assert_eq!(
        vals(
            "The league met on Tuesday. It set the final for next Tuesday. \
             A day earlier, two clubs had quit."
        ),
        ["2025-02-18", "2025-02-25", "2025-02-17"]
    );
    // A clause to come still counts from the coming day.
    assert_eq!(
        vals("The final is set for next Tuesday. A day earlier, the fans will march."),
        ["2025-02-25", "2025-02-24"]
    );
}

#[test]
fn a_condition_points_to_the_coming_month() {
    let april = Some(d(2024, 4, 10));
    let vals = |body: &str| -> Vec<String> { all(body, april).into_iter().map(|m| m.1).collect() };
    // The nearest November is the last one; the condition looks ahead.
    assert_eq!(
        vals("The party could lose seats in November if turnout stays low."),
        ["2024-11"]
    );
    assert_eq!(vals("Turnout was low in November."), ["2023-11"]);
}

#[test]
fn a_month_dating_a_vote_is_the_coming_vote() {
    let jan = Some(d(2024, 1, 12));
    let vals = |body: &str| -> Vec<String> { all(body, jan).into_iter().map(|m| m.1).collect() };
    // The nearest November is the last one; the vote named is the coming one.
    assert_eq!(
        vals("Both parties are raising money for the November general election."),
        ["2024-11"]
    );
    assert_eq!(
        vals("The mayor can win the November runoff with the unions."),
        ["2024-11"]
    );
    // Told in the past, it is the one held; another noun keeps the nearest.
    assert_eq!(
        vals("The mayor narrowly won the November runoff."),
        ["2023-11"]
    );
    assert_eq!(vals("The November report showed more hiring."), ["2023-11"]);
}

#[test]
fn since_a_participle_and_a_time_drawing_near() {
    let aug = Some(d(2024, 8, 20));
    let vals = |body: &str| -> Vec<String> { all(body, aug).into_iter().map(|m| m.1).collect() };
    // Without a cue January is the coming one; `since` governs the participle.
    assert_eq!(vals("The office opens in January."), ["2025-01"]);
    assert_eq!(
        vals("Since taking the helm in January, the coach has won often."),
        ["2024-01"]
    );
    // A past clause around it, yet the day is said to draw near.
    assert_eq!(
        vals("The rally showed the mood among voters as Election Day nears."),
        ["2024-11-05"]
    );
}

#[test]
fn the_next_period_counts_from_now_unless_told_in_the_past() {
    let p = Some(d(2024, 3, 13));
    let vals = |body: &str| -> Vec<String> { all(body, p).into_iter().map(|m| m.1).collect() };
    // A story in 2019: told in the past, the next year is 2020.
    assert_eq!(
        vals("The mill closed in 2019. The next year, the town lost its school."),
        ["2019", "2020"]
    );
    // Not told in the past: the next year from now, not from 2019 (over
    // it, a stretch from now).
    assert_eq!(
        vals("The mill closed in 2019. Two more will close in the next year."),
        ["2019", "2025"]
    );
    assert_eq!(
        vals("The mill closed in 2019. Two more will close over the next year."),
        ["2019", "P1Y"]
    );
    // With no tense, a story year just written keeps it.
    assert_eq!(
        vals("The mill closed in 2019. The next year, a new school."),
        ["2019", "2020"]
    );
    // The next day is always the day after the one told.
    assert_eq!(
        vals("The vote was on May 2, 2019. The next day, he will resign."),
        ["2019-05-02", "2019-05-03"]
    );
}

#[test]
fn a_run_of_days_is_the_day_reported() {
    let p = Some(d(2024, 3, 13));
    let vals = |body: &str| -> Vec<(String, String)> {
        all(body, p).into_iter().map(|m| (m.0, m.1)).collect()
    };
    let pair = |t: &str, v: &str| (t.to_string(), v.to_string());
    assert_eq!(
        vals("Bond yields climbed for a fourth straight day."),
        [pair("a fourth straight day", "2024-03-13")]
    );
    assert_eq!(
        vals("It is the ninth day of the dockworkers' strike."),
        [pair("the ninth day", "2024-03-13")]
    );
    assert_eq!(
        vals("On Monday, ferries ran late for the third day in a row."),
        [
            pair("Monday", "2024-03-11"),
            pair("the third day in a row", "2024-03-11")
        ]
    );
    // A day counted within an event, with no run and no "is": unknown, none.
    assert!(vals("On the first day of the fair, crowds were thin.").is_empty());
    assert!(vals("The second day brought rain.").is_empty());
}

#[test]
fn an_adjective_of_time_to_come_points_forward() {
    // Published Thursday 2025-02-20; a past clause would take last July.
    let vals = |body: &str| -> Vec<String> { all(body, thu()).into_iter().map(|m| m.1).collect() };
    assert_eq!(
        vals("The mayor was uneasy about the looming strike in July."),
        ["2025-07"]
    );
    assert_eq!(
        vals("Growers were bracing for an impending freeze on Sunday."),
        ["2025-02-23"]
    );
    // Without such a word, the past clause still takes the last one.
    assert_eq!(
        vals("The mayor was uneasy about the strike in July."),
        ["2024-07"]
    );
}

#[test]
fn a_timetable_in_the_plain_present_points_forward() {
    // Published Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<String> { all(body, thu()).into_iter().map(|m| m.1).collect() };
    assert_eq!(vals("The two envoys meet Monday in Oslo."), ["2025-02-24"]);
    assert_eq!(
        vals("Hearings resume Tuesday, the clerk said."),
        ["2025-02-25"]
    );
    assert_eq!(vals("The jury reconvenes Monday."), ["2025-02-24"]);
    assert_eq!(vals("The unions agreed to meet Monday."), ["2025-02-24"]);
    // A vote held in the present is set ahead; held in the past, gone.
    assert_eq!(
        vals("The province holds its runoff on Saturday."),
        ["2025-02-22"]
    );
    assert_eq!(
        vals("Two counties hold caucuses Monday, when the contests take place."),
        ["2025-02-24"]
    );
    assert_eq!(
        vals("The county runoffs take place on Monday."),
        ["2025-02-24"]
    );
    assert_eq!(
        vals("The province held its runoff on Saturday."),
        ["2025-02-15"]
    );
    assert_eq!(
        vals("The mayor holds a grudge since Monday."),
        ["2025-02-17"]
    );
    // A time told against a weekday's vote: `ahead of` it, still to come;
    // `before` it, the nearer one (Thursday: Saturday ahead, Tuesday gone).
    assert_eq!(
        vals("She spent heavily ahead of the county caucuses on Monday."),
        ["2025-02-24"]
    );
    assert_eq!(
        vals("Her ads in the run-up to the Ohio primary on Tuesday cost plenty."),
        ["2025-02-25"]
    );
    assert_eq!(
        vals("His stumble days before Saturday's runoff has emboldened rivals."),
        ["2025-02-22"]
    );
    assert_eq!(
        vals("Polls taken before Tuesday's runoff were wrong."),
        ["2025-02-18"]
    );
    // Not a vote governed by another preposition.
    assert_eq!(
        vals("She campaigned before voters in the primary on Saturday."),
        ["2025-02-15"]
    );
    // Denied in the past, or told in the past, it is the day gone.
    assert_eq!(vals("The envoys did not meet Monday."), ["2025-02-17"]);
    assert_eq!(vals("The envoys met Monday in Oslo."), ["2025-02-17"]);
    // A purpose after the day, or a verb far before it, does not date it.
    assert_eq!(
        vals("The envoy flew to Oslo on Monday to meet the premier."),
        ["2025-02-17"]
    );
    assert_eq!(
        vals("The mill had struggled to meet orders for its new looms through the summer."),
        ["2024-SU"]
    );
}

#[test]
fn a_past_clause_takes_the_holiday_weeks_ahead_over_one_a_year_gone() {
    let vals = |body: &str, p: NaiveDate| -> Vec<String> {
        all(body, Some(p)).into_iter().map(|m| m.1).collect()
    };
    // Early December: the season's events come before the day.
    assert_eq!(
        vals(
            "Shoppers crowded the toy stores before Christmas.",
            d(2025, 12, 10)
        ),
        ["2025-12-25"]
    );
    assert_eq!(
        vals("The office held its Christmas party early.", d(2025, 12, 3)),
        ["2025-12-25"]
    );
    // Months after it, a past clause is the one gone.
    assert_eq!(
        vals("The toy drive was held at Christmas.", d(2026, 3, 2)),
        ["2025-12-25"]
    );
    // A future clause keeps the next one, even a year ahead.
    assert_eq!(
        vals(
            "The county will count ballots on Election Day.",
            d(2025, 11, 10)
        ),
        ["2026-11-03"]
    );
}

#[test]
fn a_participle_of_speech_dates_the_words_said() {
    // Published Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<String> { all(body, thu()).into_iter().map(|m| m.1).collect() };
    assert_eq!(
        vals("The mayor left the hall, declaring on Wednesday she would seek office."),
        ["2025-02-19"]
    );
    assert_eq!(
        vals("The union wrote to members, telling them Monday that talks would resume."),
        ["2025-02-17"]
    );
    // Inside what was said, the words' own tense.
    assert_eq!(
        vals("Saying the plan is key to a win in March, the governor hits the road."),
        ["2025-03"]
    );
    // A progressive is an arrangement still to come.
    assert_eq!(
        vals("The senator is announcing her plans on Monday."),
        ["2025-02-24"]
    );
}

#[test]
fn would_after_the_day_in_a_past_clause_is_a_future_seen_from_then() {
    // Published Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<String> { all(body, thu()).into_iter().map(|m| m.1).collect() };
    assert_eq!(
        vals("The coach predicted that the match on Sunday would be close."),
        ["2025-02-16"]
    );
    assert_eq!(
        vals("She stumbled over a question on Monday about how she would pay for it."),
        ["2025-02-17"]
    );
    // Before the day, or with no past told, it still looks ahead.
    assert_eq!(
        vals("The coach said the team would travel on Sunday."),
        ["2025-02-23"]
    );
    assert_eq!(vals("A match on Sunday would settle it."), ["2025-02-23"]);
    // A timetable present after the day likewise, when a past verb is before it.
    assert_eq!(
        vals("The accord reached in Lima on Saturday still leaves farmers exposed."),
        ["2025-02-15"]
    );
    assert_eq!(
        vals("The fair on Saturday opens its gates."),
        ["2025-02-22"]
    );
    // A relative clause's hypothetical leaves the noun's date alone.
    assert_eq!(
        vals("Rivals fought a plan for a vote in July that would oust the chair."),
        ["2025-07"]
    );
}

#[test]
fn the_september_11_attacks_are_a_named_event() {
    let p = Some(d(2016, 3, 16));
    let vals = |body: &str| -> Vec<String> { all(body, p).into_iter().map(|m| m.1).collect() };
    assert_eq!(
        vals("The rule came in after the Sept. 11 attacks."),
        ["2001-09-11"]
    );
    assert_eq!(
        vals("Memorials to the September 11 attacks stand downtown."),
        ["2001-09-11"]
    );
    // Another year written for that day before wins; a plain Sept. 11 is a date.
    assert_eq!(
        vals(
            "The consulate was hit on Sept. 11, 2012. After the Sept. 11 attacks, the envoy left."
        ),
        ["2012-09-11", "2012-09-11"]
    );
    assert_eq!(vals("The filing deadline is Sept. 11."), ["2016-09-11"]);
}

#[test]
fn the_end_of_a_range_of_days_follows_its_start() {
    // Published Thursday 2025-02-20.
    let vals = |body: &str| -> Vec<String> { all(body, thu()).into_iter().map(|m| m.1).collect() };
    assert_eq!(
        vals("The poll, run Friday through Monday, found the mayor ahead."),
        ["2025-02-14", "2025-02-17"]
    );
    assert_eq!(
        vals("The museum will be shut from Saturday to Tuesday."),
        ["2025-02-22", "2025-02-25"]
    );
    // A deadline with no day before it keeps the deadline rule.
    assert_eq!(vals("Bids are open through Monday."), ["2025-02-24"]);
}

/// The value of the single mention of `body`.
fn value(body: &str, published: Option<NaiveDate>) -> String {
    one(body, published).1
}

#[test]
fn a_name_in_the_subject_takes_its_verb_tense() {
    // (Thursday 2025-02-20.) The vote is dated by its own `will`, not by
    // the `said` the clause hangs from.
    assert_eq!(
        value(
            "The mayor said Tuesday's ballot will settle the race.",
            thu()
        ),
        "2025-02-25"
    );
    assert_eq!(
        value("Critics claimed the Tuesday vote was rigged.", thu()),
        "2025-02-18"
    );
    // A deed already done has consequences to come: no vote, no future.
    assert_eq!(
        value(
            "The mayor said Monday's ruling will make the race harder.",
            thu()
        ),
        "2025-02-17"
    );
    // A participle of speech does not date a noun it speaks of.
    assert_eq!(
        value(
            "He stirred doubt, suggesting the November ballot may be rigged.",
            thu()
        ),
        "2025-11"
    );
    assert_eq!(
        value(
            "He stirred doubt, suggesting on Monday he would quit.",
            thu()
        ),
        "2025-02-17"
    );
}

#[test]
fn a_month_after_an_infinitive_is_not_dated_by_the_verb_before_it() {
    // `asked` dates the asking; the summit in June is still to come.
    assert_eq!(
        value(
            "The board asked the chair to set out a plan for the summit in June.",
            thu()
        ),
        "2025-06"
    );
    // Without the infinitive the past verb dates it.
    assert_eq!(
        value("The board held the summit in June.", thu()),
        "2024-06"
    );
    // A weekday so placed is the week's deed; `enough to` is an outcome,
    // and so is the `to` of a verb of trying or causing.
    assert_eq!(
        value(
            "The mill tried to sell the plant in March.",
            Some(d(2025, 11, 1))
        ),
        "2025-03"
    );
    assert_eq!(
        value("She flew to the capital to see the envoy on Monday.", thu()),
        "2025-02-17"
    );
    assert_eq!(
        value(
            "He was bold enough to raise it at a forum in March.",
            Some(d(2025, 12, 1))
        ),
        "2025-03"
    );
}

#[test]
fn quoted_titles_and_verses_are_no_dates() {
    // A quoted title mid-sentence: capitalized words only, two at least.
    assert_eq!(
        all("She spoke on “Weekend Report Sunday” about it.", thu()),
        []
    );
    assert_eq!(
        all("The band played “Always Tomorrow,” to cheers.", thu()),
        []
    );
    assert_eq!(
        all("He starred in “A Winter Christmas” in 1990.", thu()).len(),
        1
    );
    // A quoted remark opening the sentence, or in lowercase, is dated.
    assert_eq!(value("“Next Tuesday,” she said.", thu()), "2025-02-25");
    assert_eq!(
        value("She said the vote is “next Tuesday.”", thu()),
        "2025-02-25"
    );
    // A chapter and verse after a book's name is no clock time; with a
    // marker, or after a day's name, a clock time it is.
    assert_eq!(all("The sermon cited Hosea 4:12 at length.", thu()), []);
    assert_eq!(
        value("The sermon began at 9:30 a.m. sharp.", thu()),
        "2025-02-20T09:30"
    );
    assert_eq!(
        all("The bus left Friday 10:15 from the depot.", thu()).len(),
        2
    );
}

#[test]
fn this_weekday_follows_the_clause_when_the_week_disagrees() {
    // Friday 2025-02-21: this week's Tuesday is gone, so a clause looking
    // ahead means the coming one; a plain `this Tuesday` stays this week's.
    let fri = Some(d(2025, 2, 21));
    assert_eq!(
        value("The mayor is hoping to carry the county this Tuesday.", fri),
        "2025-02-25"
    );
    assert_eq!(value("The county voted this Tuesday.", fri), "2025-02-18");
    // Monday 2025-02-17: this week's Friday is ahead; told in the past, it
    // is the one gone.
    let mon = Some(d(2025, 2, 17));
    assert_eq!(value("The council met this Friday.", mon), "2025-02-14");
    assert_eq!(
        value("The council will meet this Friday.", mon),
        "2025-02-21"
    );
}

#[test]
fn a_progressive_coming_off_or_from_looks_back() {
    // Thursday 2025-02-20.
    assert_eq!(
        value(
            "The mayor is coming off a narrow win in a vote on Tuesday.",
            thu()
        ),
        "2025-02-18"
    );
    assert_eq!(
        value("The town is recovering from the flood on Monday.", thu()),
        "2025-02-17"
    );
    // An arrangement still looks ahead.
    assert_eq!(
        value("The senator is visiting the town on Monday.", thu()),
        "2025-02-24"
    );
}

#[test]
fn later_past_publication_in_a_clause_not_looking_ahead_is_the_stretch() {
    // Thursday 2025-02-20; no point named before: a point after
    // publication would be invented, so the stretch, as TimeBank values it.
    check(
        "The charter still binds us, more than 200 years later.",
        thu(),
        "200 years",
        "P200Y",
        Duration,
    );
    // From a point named before, and not past publication: the point.
    assert_eq!(
        all(
            "The mayor was elected in 2021. Two years later she resigned.",
            thu()
        )
        .into_iter()
        .map(|m| m.1)
        .collect::<Vec<_>>(),
        ["2021", "2023"]
    );
    // Looking ahead, a point to come.
    assert_eq!(
        all(
            "The talks begin Monday. Two days later the envoys will sign.",
            thu()
        )
        .into_iter()
        .map(|m| m.1)
        .collect::<Vec<_>>(),
        ["2025-02-24", "2025-02-26"]
    );
}

#[test]
fn a_timeline_keeps_its_day_and_markers_may_be_glued() {
    // Thursday 2025-02-20. The timeline's day is named once; its entries
    // run past the three sentences a clock time looks back, and keep it.
    let body = "The timeline of the blackout on Monday shows a slow response.\n\n\
        9:05 am – Power fails across the district. Shops close. Trams stop.\n\n\
        10:30am — Crews arrive. They test the lines. They find the fault.\n\n\
        6:45 pm – Power returns to most homes.";
    let vals: Vec<String> = all(body, thu()).into_iter().map(|m| m.1).collect();
    assert_eq!(
        vals,
        [
            "2025-02-17",
            "2025-02-17T09:05",
            "2025-02-17T10:30",
            "2025-02-17T18:45"
        ]
    );
    // A clock time in running text is not an entry's stamp.
    assert_eq!(
        value("The doors opened at 7:30pm sharp.", thu()),
        "2025-02-20T19:30"
    );
}

#[test]
fn the_next_day_told_in_the_past_is_not_after_publication() {
    // Thursday 2025-02-20; only a month named before: the day after it is
    // unknown, not tomorrow.
    assert_eq!(
        all(
            "Last October, the host mocked the mayor. He apologized the next day.",
            thu()
        )
        .into_iter()
        .map(|m| m.1)
        .collect::<Vec<_>>(),
        ["2024-10", "XXXX-XX-XX"]
    );
    // From a day named before it, the day after.
    assert_eq!(
        all(
            "The vote was on Monday. The next day, the mayor resigned.",
            thu()
        )
        .into_iter()
        .map(|m| m.1)
        .collect::<Vec<_>>(),
        ["2025-02-17", "2025-02-18"]
    );
}

#[test]
fn since_a_month_is_never_ahead() {
    // 2025-04-21: June is ten months back, two ahead; `since` allows only
    // the one gone.
    let apr = Some(d(2025, 4, 21));
    assert_eq!(value("The firm has searched since June.", apr), "2024-06");
    assert_eq!(value("Prices have risen since May 3.", apr), "2024-05-03");
    assert_eq!(value("The firm has searched since March.", apr), "2025-03");
}

#[test]
fn a_weekday_dating_a_known_outcome_is_the_one_gone() {
    // Wednesday 2021-06-02: the Tuesday gone is June 1, the coming June 8.
    let p = Some(d(2021, 6, 2));
    let vals = |body: &str| -> Vec<String> { all(body, p).into_iter().map(|m| m.1).collect() };
    // A definite outcome before the weekday, across names, whatever the
    // modal or future around it.
    assert_eq!(
        vals("The mayor should gain from the win Tuesday, aides said."),
        ["2021-06-01"]
    );
    assert_eq!(
        vals("Her victories in Ohio, Utah and Maine on Tuesday will shift the map."),
        ["2021-06-01"]
    );
    assert_eq!(
        vals("After a bruising, 12-point defeat in Maine Tuesday, he will regroup."),
        ["2021-06-01"]
    );
    assert_eq!(
        vals("The team will build on Tuesday's narrow win."),
        ["2021-06-01"]
    );
    // An outcome hoped for, and a verb after its subject, still look ahead.
    assert_eq!(
        vals("She hopes a win Tuesday will silence critics."),
        ["2021-06-08"]
    );
    assert_eq!(
        vals("If the party wins Tuesday, taxes will rise."),
        ["2021-06-08"]
    );
    assert_eq!(
        vals("The senator will need to win in Ohio on Tuesday."),
        ["2021-06-08"]
    );
}

#[test]
fn a_refusal_to_speak_is_told_of_a_day_gone() {
    // Wednesday 2021-06-02: the Monday gone is May 31.
    let p = Some(d(2021, 6, 2));
    let vals = |body: &str| -> Vec<String> { all(body, p).into_iter().map(|m| m.1).collect() };
    assert_eq!(
        vals("A spokesman would not comment Monday on the audit."),
        ["2021-05-31"]
    );
    assert_eq!(
        vals("The chair wouldn't say Monday how the board would vote."),
        ["2021-05-31"]
    );
    // Not a modal before another verb.
    assert_eq!(
        vals("The chair would not attend the hearing on Monday."),
        ["2021-06-07"]
    );
}

#[test]
fn a_schedule_participle_right_before_the_time_looks_ahead() {
    // Wednesday 2025-02-19: the coming Friday is the 21st, the Friday
    // gone the 14th.
    let p = Some(d(2025, 2, 19));
    let vals = |body: &str| -> Vec<String> { all(body, p).into_iter().map(|m| m.1).collect() };
    assert_eq!(
        vals("Final tallies are expected Friday, a clerk said."),
        ["2025-02-21"]
    );
    assert_eq!(
        vals("A verdict is expected on Friday in the fraud case."),
        ["2025-02-21"]
    );
    assert_eq!(
        vals("A benefit concert is planned Friday in the old mill."),
        ["2025-02-21"]
    );
    // Not told in the past.
    assert_eq!(
        vals("The verdict was expected Friday, but it slipped."),
        ["2025-02-14"]
    );
    // Other passives are no schedule.
    assert_eq!(
        vals("Two guards were injured Friday at the depot."),
        ["2025-02-14"]
    );
}

#[test]
fn voters_heading_to_the_polls_in_the_present_vote_ahead() {
    // Wednesday 2025-02-19: the coming Tuesday is the 25th.
    let p = Some(d(2025, 2, 19));
    let vals = |body: &str| -> Vec<String> { all(body, p).into_iter().map(|m| m.1).collect() };
    assert_eq!(
        vals("Farmers in four counties head to the polls Tuesday."),
        ["2025-02-25"]
    );
    assert_eq!(
        vals("Farmers in four counties headed to the polls Tuesday."),
        ["2025-02-18"]
    );
}

#[test]
fn the_day_before_told_alone_counts_from_the_day_last_named() {
    let p = Some(d(2025, 2, 19));
    let vals = |body: &str| -> Vec<String> { all(body, p).into_iter().map(|m| m.1).collect() };
    assert_eq!(
        vals("The dam gave way on May 9, 2021. The day before, crews had left."),
        ["2021-05-09", "2021-05-08"]
    );
    assert_eq!(
        vals("The dam gave way on May 9, 2021. The week after, the river fell."),
        ["2021-05-09", "2021-W19"]
    );
    // Each `the day before` counts from the same day named.
    assert_eq!(
        vals(
            "The lira fell on Monday. It was 9.1 from 9.3 the day before. \
             The rand was 18 from 17 the day before."
        ),
        ["2025-02-17", "2025-02-16", "2025-02-16"]
    );
    // After a month, the day is unknown.
    assert_eq!(
        vals("The dam gave way in May 2021. The day before, crews had left."),
        ["2021-05", "XXXX-XX-XX"]
    );
    // A preposition dates from an event: no date.
    assert!(vals("The crews left the day before the flood.").is_empty());
}

#[test]
fn a_timetable_told_in_the_present_looks_ahead() {
    // Wednesday 2025-02-19: the coming Monday is the 24th, the one gone
    // the 17th.
    let p = Some(d(2025, 2, 19));
    let vals = |body: &str| -> Vec<String> { all(body, p).into_iter().map(|m| m.1).collect() };
    assert_eq!(vals("The toll rise takes effect Monday."), ["2025-02-24"]);
    assert_eq!(vals("The toll rise took effect Monday."), ["2025-02-17"]);
    assert_eq!(
        vals("The new parking rules go into effect Monday."),
        ["2025-02-24"]
    );
    assert_eq!(
        vals("Polls open Monday across the province."),
        ["2025-02-24"]
    );
    assert_eq!(vals("The filing deadline is Monday."), ["2025-02-24"]);
    assert_eq!(vals("The filing deadline is on Monday."), ["2025-02-24"]);
    assert_eq!(vals("The filing deadline was Monday."), ["2025-02-17"]);
}

#[test]
fn a_future_told_of_an_event_set_ahead_dates_the_coming_one() {
    // Wednesday 2025-02-19: the coming Thursday is the 20th, the one gone
    // the 13th.
    let p = Some(d(2025, 2, 19));
    let vals = |body: &str| -> Vec<String> { all(body, p).into_iter().map(|m| m.1).collect() };
    // The noun's own verb, not the past verb of saying before it.
    assert_eq!(
        vals("A clerk said Thursday's hearing will be closed to cameras."),
        ["2025-02-20"]
    );
    assert_eq!(
        vals("An aide said the Thursday deadline may slip."),
        ["2025-02-20"]
    );
    assert_eq!(
        vals("Thursday's hearing was closed to cameras."),
        ["2025-02-13"]
    );
    // A deed done has consequences to come.
    assert_eq!(
        vals("A lawyer said Thursday's verdict will haunt the firm."),
        ["2025-02-13"]
    );
}

#[test]
fn the_walks_back_to_a_governing_word_read_across_ordered_steps() {
    use super::lexicon::{lead, Lead};
    assert_eq!(lead("early"), Some(Lead::Modifier));
    assert_eq!(lead("-"), Some(Lead::Modifier));
    assert_eq!(lead("end"), Some(Lead::Part));
    assert_eq!(lead("of"), Some(Lead::Part));
    assert_eq!(lead("on"), Some(Lead::Preposition));
    assert_eq!(lead("since"), None);
    assert!(Lead::Modifier < Lead::Part && Lead::Part < Lead::Preposition);
    // `since` across a modifier, a deadline across a part of the period
    let apr = Some(d(2025, 4, 21));
    assert_eq!(
        value("The firm has searched since early June.", apr),
        "2024-06"
    );
    assert_eq!(
        all(
            "By the end of July, the fund had collected $2 million.",
            thu()
        )[0]
        .1,
        "2024-07"
    );
}

#[test]
fn that_day_and_that_night_are_the_day_last_named() {
    let vals = |body: &str| -> Vec<(String, String)> {
        all(body, thu()).into_iter().map(|m| (m.0, m.1)).collect()
    };
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    // The day named before, however the clause runs.
    assert_eq!(
        vals("The fund sent the checks on March 3, 2019. Ten clinics cashed them that day."),
        [
            pair("March 3, 2019", "2019-03-03"),
            pair("that day", "2019-03-03")
        ]
    );
    assert_eq!(
        vals("The ferry sank on Oct. 2, 2018. That night, divers searched the bay."),
        [
            pair("Oct. 2, 2018", "2018-10-02"),
            pair("That night", "2018-10-02TNI")
        ]
    );
    // A day still to come stays that day, whatever the clause's tense.
    assert_eq!(
        vals("The runoff is on March 4. A win later that night could settle it."),
        [
            pair("March 4", "2025-03-04"),
            pair("later that night", "2025-03-04TNI")
        ]
    );
    // Nothing named before, a year named since, a year after it, or a
    // noun made with the word: left out rather than guessed.
    assert!(vals("Nobody at the mill forgot that day.").is_empty());
    assert_eq!(
        vals("On May 9, 2011, she moved to Tulsa, where her uncle had worked in 1987. That night she slept."),
        [pair("May 9, 2011", "2011-05-09"), pair("1987", "1987")]
    );
    assert_eq!(
        vals("The mayor spoke Monday about that day back in June 2009."),
        [pair("Monday", "2025-02-17"), pair("June 2009", "2009-06")]
    );
    assert_eq!(
        vals("The mayor spoke Monday. She said that day care costs rose."),
        [pair("Monday", "2025-02-17")]
    );
    assert_eq!(
        vals("The mayor spoke Monday. You can't fix that overnight, she said."),
        [pair("Monday", "2025-02-17")]
    );
}

#[test]
fn that_season_and_a_modified_season_after_a_preposition() {
    let vals = |body: &str| -> Vec<(String, String)> {
        all(body, thu()).into_iter().map(|m| (m.0, m.1)).collect()
    };
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    // The season of the year last named, as `that November` is.
    assert_eq!(
        vals("The dam opened in 2017, and the river flooded that spring when the snow melted."),
        [pair("2017", "2017"), pair("that spring", "2017-SP")]
    );
    // Not a conjunction before a noun, nor a fall of something.
    assert_eq!(
        vals("In 2017 the mayor warned that winter storms would close roads."),
        [pair("2017", "2017")]
    );
    assert_eq!(
        vals("In 2017 they feared that fall of the old guard."),
        [pair("2017", "2017")]
    );
    // "by late summer": a modified season after a preposition of time.
    assert_eq!(
        vals("The mill slowed in the spring, and by late summer it had closed."),
        [
            pair("the spring", "2024-SP"),
            pair("late summer", "2024-SU")
        ]
    );
    assert_eq!(
        vals("Sales will pick up in early fall."),
        [pair("early fall", "2025-FA")]
    );
    // Without the preposition, `early fall` is no season.
    assert!(vals("An early fall in prices hurt the growers.").is_empty());
}
