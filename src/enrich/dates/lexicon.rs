//! Word lists for temporal expressions in English news.
//!
//! Every lookup takes an already lowercased token, so the grammar lowercases
//! each token once. Lists are small `match` tables: the compiler turns them
//! into jump tables and string compares, no allocation, no hashing.

/// Month number (1-12) of a month name or its news abbreviation.
pub fn month(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Whether a month word is an abbreviation (it may carry a dot, `Feb.`).
pub fn is_month_abbrev(w: &str) -> bool {
    w.len() <= 4 && w != "june" && w != "july" && w != "may"
}

/// ISO weekday number (Monday = 1) of a weekday name or abbreviation.
pub fn weekday(w: &str) -> Option<u32> {
    Some(match w {
        "monday" | "mon" => 1,
        "tuesday" | "tue" | "tues" => 2,
        "wednesday" | "wed" => 3,
        "thursday" | "thu" | "thur" | "thurs" => 4,
        "friday" | "fri" => 5,
        "saturday" | "sat" => 6,
        "sunday" | "sun" => 7,
        _ => return None,
    })
}

/// Full weekday names only (abbreviations are too ambiguous alone: `sun`, `sat`, `wed`).
pub fn weekday_full(w: &str) -> Option<u32> {
    if w.len() >= 6 {
        weekday(w)
    } else {
        None
    }
}

/// Weekday from a plural ("Mondays"): a recurring day.
pub fn weekday_plural(w: &str) -> Option<u32> {
    w.strip_suffix('s').and_then(weekday_full)
}

/// TIMEX3 part-of-day code.
pub fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" | "overnight" => "NI",
        _ => return None,
    })
}

/// Second halves of nouns made with `day` or a part of the day (`day
/// care`, `night shift`): `that day care` is no anaphoric day.
pub fn is_day_compound(w: &str) -> bool {
    matches!(
        w,
        "care"
            | "job"
            | "jobs"
            | "trip"
            | "trips"
            | "labor"
            | "laborer"
            | "laborers"
            | "school"
            | "schools"
            | "shift"
            | "shifts"
            | "pass"
            | "passes"
            | "one"
            | "camp"
            | "camps"
            | "rate"
            | "rates"
            | "trader"
            | "traders"
            | "trading"
            | "club"
            | "clubs"
            | "life"
            | "owl"
            | "owls"
            | "court"
            | "show"
            | "shows"
            | "sky"
            | "vision"
            | "watch"
    )
}

/// Season code (`SP`, `SU`, `FA`, `WI`).
pub fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "fall" | "autumn" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// A calendar or duration unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Weekends (periods, not durations).
    Weekend,
    /// Months.
    Month,
    /// Quarters of a year.
    Quarter,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
}

impl Unit {
    /// Whether it is a time-of-day unit (durations start with `PT`).
    pub fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }

    /// The TIMEX3 duration letter, and the factor applied to the count
    /// (decades and centuries are written in years, as MEANTIME does).
    pub fn duration_letter(self) -> (&'static str, u32) {
        match self {
            Unit::Second => ("S", 1),
            Unit::Minute => ("M", 1),
            Unit::Hour => ("H", 1),
            Unit::Day => ("D", 1),
            Unit::Week | Unit::Weekend => ("W", 1),
            Unit::Month => ("M", 1),
            Unit::Quarter => ("Q", 1),
            Unit::Year => ("Y", 1),
            Unit::Decade => ("Y", 10),
            Unit::Century => ("Y", 100),
        }
    }
}

/// A unit word, singular or plural, with whether it was plural.
pub fn unit(w: &str) -> Option<(Unit, bool)> {
    let (u, plural) = match w {
        "second" | "sec" => (Unit::Second, false),
        "seconds" | "secs" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" | "hr" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    };
    Some((u, plural))
}

/// Small cardinal number words (and `a`/`an` = 1).
pub fn number_word(w: &str) -> Option<u32> {
    Some(match w {
        "a" | "an" | "one" | "single" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        _ => return None,
    })
}

/// Decade words and their tens digit (`nineties` = 9): `the nineties`.
pub fn decade_word(w: &str) -> Option<u32> {
    Some(match w {
        "twenties" => 2,
        "thirties" => 3,
        "forties" => 4,
        "fifties" => 5,
        "sixties" => 6,
        "seventies" => 7,
        "eighties" => 8,
        "nineties" => 9,
        _ => return None,
    })
}

/// Ordinal words and their value (`first` = 1).
pub fn ordinal_word(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        _ => return None,
    })
}

/// Vague quantities: a duration with an unspecified count (`many hours` = `PTXH`).
pub fn is_vague_quantity(w: &str) -> bool {
    matches!(
        w,
        "many" | "several" | "few" | "some" | "numerous" | "countless"
    )
}

/// Approximation words kept inside a duration's span (`nearly five months`).
pub fn is_approximator(w: &str) -> bool {
    matches!(
        w,
        "over" | "nearly" | "almost" | "about" | "around" | "roughly" | "approximately"
    )
}

/// Adjectives that may sit between a count and its unit (`six straight days`).
pub fn is_unit_adjective(w: &str) -> bool {
    matches!(
        w,
        "straight"
            | "consecutive"
            | "successive"
            | "trading"
            | "business"
            | "working"
            | "calendar"
            | "full"
            | "long"
            | "whole"
            | "more"
    )
}

/// How many periods from the reference one a deictic word before a
/// period's noun counts (`this year` 0, `last year` -1, `next year` 1).
pub fn deictic_offset(w: &str) -> Option<i64> {
    match w {
        "this" => Some(0),
        "last" => Some(-1),
        "next" => Some(1),
        _ => None,
    }
}

/// Modifiers kept in the span of a point expression (`early 2009`, `late Monday`).
pub fn is_point_modifier(w: &str) -> bool {
    matches!(w, "early" | "late" | "mid")
}

/// What a word before a time name is to it, for the walks back from the
/// name to the word that governs it (`by the end of June`, `since early
/// March`, `ahead of the mid-June vote`): the steps are ordered, and each
/// walk goes back over the words up to the step it reads across.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Lead {
    /// A modifier or article in the name's phrase: `early`, `the`, the
    /// hyphen of `mid-June`.
    Modifier,
    /// A part of a period the name is the whole of: `the end of`.
    Part,
    /// A preposition dating a noun the name belongs to: `the vote on`.
    Preposition,
}

/// The [`Lead`] step of `w`, if a walk back reads across it.
pub fn lead(w: &str) -> Option<Lead> {
    if is_point_modifier(w) || matches!(w, "-" | "the") {
        Some(Lead::Modifier)
    } else if matches!(w, "end" | "beginning" | "middle" | "start" | "close" | "of") {
        Some(Lead::Part)
    } else if matches!(w, "on" | "in") {
        Some(Lead::Preposition)
    } else {
        None
    }
}

/// Words that make a following 4-digit number a year.
pub fn is_year_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "by"
            | "of"
            | "from"
            | "until"
            | "till"
            | "through"
            | "throughout"
            | "during"
            | "before"
            | "after"
            | "early"
            | "late"
            | "mid"
            | "around"
            | "circa"
            | "fiscal"
            | "year"
            | "for"
            | "between"
            | "and"
            | "or"
            | "to"
            | "summer"
            | "winter"
            | "spring"
            | "autumn"
            | "fall"
            | "the"
    )
}

/// Plural count nouns after a number: `2000 people` is not a year.
pub fn is_count_noun(w: &str) -> bool {
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        return true;
    }
    matches!(
        w,
        "people"
            | "percent"
            | "per"
            | "feet"
            | "ft"
            | "km"
            | "kg"
            | "mph"
            | "mw"
            | "gb"
            | "mb"
            | "bn"
            | "million"
            | "billion"
            | "thousand"
            | "more"
            | "children"
            | "men"
            | "women"
            | "staff"
            | "police"
            | "personnel"
            | "yen"
            | "metres"
            | "meters"
    )
}

/// Cues that the clause speaks of the future.
pub fn is_future_cue(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "shall"
            | "won't"
            | "won’t"
            | "upcoming"
            | "looming"
            | "impending"
            | "plans"
            | "plan"
            | "intends"
            | "expects"
            | "scheduled"
            | "tomorrow"
            | "next"
            | "coming"
            | "forthcoming"
            | "until"
            | "till"
            | "planning"
            | "aims"
            | "hopes"
    ) || is_timetable_present(w)
}

/// The third person of a timetable verb (`the summit opens Monday`, `the
/// senator travels Friday`): a present that tells a schedule.
pub fn is_timetable_present(w: &str) -> bool {
    matches!(
        w,
        "begins"
            | "starts"
            | "opens"
            | "resumes"
            | "expires"
            | "convenes"
            | "reconvenes"
            | "reopens"
            | "testifies"
            | "closes"
            | "ends"
            | "launches"
            | "arrives"
            | "leaves"
            | "departs"
            | "returns"
            | "meets"
            | "visits"
            | "hosts"
            | "travels"
            | "faces"
    )
}

/// Verbs whose plain present tells a timetable: `the ministers meet
/// Monday`, `talks resume Friday` (the third person, `meets`, is
/// [`is_timetable_present`]). Only verbs that are seldom nouns: `vote`,
/// `start`, `return` date a noun as often (`a vote Tuesday`).
pub fn is_timetable_verb(w: &str) -> bool {
    matches!(
        w,
        "meet" | "resume" | "convene" | "reconvene" | "begin" | "depart" | "testify" | "reopen"
    )
}

/// Irregular past-tense verbs and past auxiliaries, plus the words that
/// date a clause in the past ("ago", "last").
pub fn is_past_cue(w: &str) -> bool {
    is_irregular_past(w)
        || matches!(
            w,
            "said"
                | "was"
                | "were"
                | "had"
                | "did"
                | "wasn't"
                | "weren't"
                | "didn't"
                | "hadn't"
                | "yesterday"
                | "last"
                | "ago"
                | "earlier"
        )
}

/// Irregular past-tense verbs: the forms that are not also a present, a
/// participle used as an adjective or a noun. Read by the dates stage (tense)
/// and the quotes stage (a noun phrase does not run across a finite verb).
pub(crate) fn is_irregular_past(w: &str) -> bool {
    matches!(
        w,
        "told"
            | "began"
            | "came"
            | "went"
            | "made"
            | "took"
            | "gave"
            | "met"
            | "spoke"
            | "wrote"
            | "rose"
            | "fell"
            | "lost"
            | "won"
            | "sold"
            | "bought"
            | "left"
            | "held"
            | "saw"
            | "led"
            | "sent"
            | "paid"
            | "got"
            | "found"
            | "became"
            | "ran"
            | "brought"
            | "thought"
            | "knew"
            | "hid"
            | "fought"
            | "struck"
            | "stood"
            | "understood"
            | "kept"
            | "felt"
            | "meant"
            | "heard"
            | "built"
            | "spent"
            | "sought"
            | "caught"
            | "taught"
            | "drove"
            | "rode"
            | "chose"
            | "froze"
            | "broke"
            | "woke"
            | "stole"
            | "wore"
            | "swore"
            | "tore"
            | "threw"
            | "grew"
            | "drew"
            | "flew"
            | "blew"
            | "shook"
            | "forgave"
            | "ate"
            | "sang"
            | "rang"
            | "drank"
            | "swam"
            | "sank"
            | "dug"
            | "slept"
            | "swept"
            | "wept"
            | "withdrew"
            | "upheld"
            | "withheld"
            | "overcame"
            | "overtook"
            | "undertook"
            | "forgot"
            | "forbade"
            | "sat"
            | "slid"
            | "fled"
            | "laid"
            | "dealt"
            | "arose"
    )
}

/// Words that end an amount (`$2 million`, `5%`): `a year` after one is a
/// rate (`$2 million a year`), a set.
pub fn is_magnitude(w: &str) -> bool {
    matches!(
        w,
        "hundred" | "thousand" | "million" | "billion" | "trillion" | "%" | "percent"
    )
}

/// Participles that, after a form of `be`, announce a schedule (`is
/// expected to`, `are set for`, `was due to`): the clause looks ahead. Other
/// passives before `to` do not (`must be returned to his father`).
pub fn is_schedule_participle(w: &str) -> bool {
    matches!(
        w,
        "expected"
            | "scheduled"
            | "slated"
            | "set"
            | "due"
            | "planned"
            | "supposed"
            | "poised"
            | "projected"
            | "forecast"
            | "bound"
            | "likely"
    )
}

/// Future cues that are also nouns (`vacation plans`, `her hopes`): a cue
/// only as a verb before `to` (`plans to`, `hopes to`).
pub fn is_intention_word(w: &str) -> bool {
    matches!(w, "plans" | "plan" | "intends" | "aims" | "hopes")
}

/// Nouns of a vote, an event set and announced before it happens, which
/// news names ahead of it (`the November election`, `Tuesday's primary`).
pub fn is_vote_noun(w: &str) -> bool {
    matches!(
        w,
        "election"
            | "elections"
            | "primary"
            | "primaries"
            | "caucus"
            | "caucuses"
            | "vote"
            | "referendum"
            | "plebiscite"
            | "ballot"
            | "runoff"
            | "convention"
    )
}

/// Nouns of an event other than a vote set on a calendar ahead of it
/// (`Thursday's hearing will`, `the Friday deadline may`): a future told
/// of one is its own, as for a vote; a deed done (`Monday's ruling will
/// make it harder`) has only consequences to come.
pub fn is_scheduled_event_noun(w: &str) -> bool {
    matches!(
        w,
        "hearing"
            | "debate"
            | "meeting"
            | "summit"
            | "trial"
            | "deadline"
            | "session"
            | "ceremony"
            | "inauguration"
            | "launch"
            | "auction"
            | "rally"
            | "forum"
            | "town-hall"
            | "showdown"
    )
}

/// Nouns of a contest's outcome (`the win`, `her victories`, `a narrow
/// defeat`), known only once it was held.
pub fn is_outcome_noun(w: &str) -> bool {
    matches!(
        w,
        "win"
            | "wins"
            | "victory"
            | "victories"
            | "defeat"
            | "defeats"
            | "loss"
            | "losses"
            | "romp"
            | "sweep"
            | "triumph"
            | "upset"
            | "rout"
            | "landslide"
    )
}

/// Adjectives that stand between a date and the vote it names (`the
/// November general election`, `Tuesday's crucial primary`).
pub fn is_vote_adjective(w: &str) -> bool {
    matches!(
        w,
        "general"
            | "presidential"
            | "congressional"
            | "parliamentary"
            | "legislative"
            | "municipal"
            | "national"
            | "state"
            | "local"
            | "special"
            | "party"
            | "crucial"
            | "key"
            | "major"
            | "big"
            | "pivotal"
            | "decisive"
            | "primary"
    )
}

/// Determiners: a word after one is a noun or an adjective, not a verb
/// (`the plan`, `a renewed push`).
pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "my"
            | "your"
            | "this"
            | "that"
            | "these"
            | "those"
            | "whose"
    )
}

/// Prepositions after which an `-ed` word is an adjective, never a past
/// verb (`on unforced errors`, `with renewed vigor`).
pub fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "of" | "on"
            | "in"
            | "for"
            | "with"
            | "from"
            | "about"
            | "against"
            | "at"
            | "into"
            | "over"
            | "under"
            | "without"
            | "among"
            | "between"
    )
}

/// Degree words that make a following `-ed` word an adjective (`more
/// crowded`, `so tired`); manner adverbs do not (`largely abandoned`).
pub fn is_degree_word(w: &str) -> bool {
    matches!(
        w,
        "very" | "more" | "most" | "less" | "least" | "so" | "too"
    )
}

/// Words ending in `-ed` that are not past-tense verbs.
pub fn is_ed_exception(w: &str) -> bool {
    matches!(
        w,
        "need"
            | "needed"
            | "speed"
            | "seed"
            | "feed"
            | "deed"
            | "indeed"
            | "hundred"
            | "bed"
            | "red"
            | "shed"
            | "united"
            | "limited"
            | "based"
            | "related"
            | "proceed"
            | "succeed"
            | "exceed"
            | "breed"
            | "greed"
            | "weed"
            | "embed"
            | "bled"
            | "fled"
            | "sled"
            | "scheduled"
            | "expected"
            | "planned"
            | "supposed"
            | "set"
    )
}

/// Verbs that move a time ahead (`postponed until June`, `extends the
/// deadline through March`): the deadline after them is still to come,
/// whatever the tense of the telling.
pub fn is_delay_verb(w: &str) -> bool {
    matches!(
        w,
        "postpone"
            | "postponed"
            | "postpones"
            | "delay"
            | "delayed"
            | "delays"
            | "extend"
            | "extended"
            | "extends"
            | "defer"
            | "deferred"
            | "defers"
            | "suspend"
            | "suspended"
            | "suspends"
            | "adjourn"
            | "adjourned"
            | "adjourns"
            | "reschedule"
            | "rescheduled"
            | "recess"
            | "recessed"
            | "push"
            | "pushed"
            | "put"
            | "moved"
    )
}
