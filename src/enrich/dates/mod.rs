//! Dates stage: dates, times, durations and sets, normalized to TIMEX3.
//!
//! - [`lexicon`]: month, weekday, unit, number and tense-cue word lists;
//! - [`grammar`]: the recognizer over the shared tokens (longest match,
//!   body order, no overlaps, never across sentences);
//! - [`tense`]: clause tense, which picks the `Monday` or `March` meant;
//! - [`tree`]: relative expressions as operator trees (`shift(−1, week)`,
//!   `intersect(March, year(2010))`), evaluated against an anchor;
//! - [`resolve`]: calendar arithmetic and TIMEX3 value formatting.
//!
//! Relative expressions resolve against the publication date (deictic:
//! `yesterday`, `last week`) or the last day mentioned (anaphoric: `the same
//! day`, `two days later`, `the day before,` told alone: unknown after a
//! month or a year, and anchoring nothing, as a market report repeats it
//! of one day); `the next year` (month, week) is anaphoric in a
//! story told in the past, deictic when its clause looks ahead or no story
//! year was written in the last few sentences (`to start within the next
//! month`); in a past clause, the last day mentioned that
//! is not after publication (`A day earlier, six were arrested` after a
//! sentence about next week's vote); `the next day` in a past clause never
//! falls after publication: from the last day named that is not to come,
//! else unknown (`Last October he mocked her; he apologized the next
//! day`: `XXXX-XX-XX`, not tomorrow). Without a publication date the reference comes
//! from a dateline in the body's first lines (`September 01, 2007`,
//! `WASHINGTON, Feb. 3 (AP) —`); the output says which was used
//! (`reference_source`). With neither, values stay underspecified
//! (`XXXX-XX-XX`, `XXXX-WXX`) rather than invented.
//!
//! # Direction
//!
//! A name without a year or week (`June`, `June 3`, `Friday`, `the third
//! quarter`) points back or forward from the reference:
//! - a word right before it decides first: `by`, `until`, `through`,
//!   `payable`, `effective`, `due`, `as soon as`, `ahead of` (also across
//!   a possessor or a hyphenated adjective: `ahead of the state's
//!   hard-fought Tuesday primary`) forward; `going into`, `heading into`
//!   forward unless the clause is past (`had led heading into Tuesday's
//!   vote`); `since` back, also across a participle (`since taking
//!   office in January`); a name said to draw near (`as Election Day
//!   nears`, `approaches`, `looms`) forward;
//!   `last`/`next`/`this` are part of the expression; `this weekend` is
//!   this week's unless the clause is past (the weekend just gone);
//!   `this Tuesday` is this week's unless the clause points the other
//!   way from it (`hopes to win this Tuesday` on a Friday is the coming
//!   one, `met this Friday` on a Monday the one gone);
//! - else the clause's tense cue (`tense`: `will`, `is to`, `expects`,
//!   `upcoming`, `looming`, `impending` (also before a noun: `uneasy
//!   about the looming strike in July`), a timetable verb in the plain
//!   present that governs the day closely (`the envoys meet Monday`,
//!   `hearings resume Tuesday`; not a `to` of purpose after it: `flew
//!   there on Monday to meet the premier`),
//!   a vote held in the present (`the state holds its primary on
//!   Tuesday`, `when the caucuses take place`, `voters head to the polls
//!   Tuesday`, `polls open Tuesday`), a rule set in the present (`takes
//!   effect Monday`, `goes into effect`), a present copula right before
//!   a weekday (`the deadline is Friday`, `is on Tuesday`), a schedule
//!   participle right before the time (`results are expected Friday`,
//!   `a memorial is planned Friday`),
//!   `set to`, `planned to`, `going to` (not `was going to`, a plan told
//!   after its day, as `was to be`), modals before a verb (`may`, `can`, `must
//!   win`; not `must be`, a duty often told of a ruling already made)
//!   forward; a present perfect back, but not in a clause of time (`after
//!   the June ballots have been counted`, `once`, `until`, `when`), where
//!   it tells a future done; a condition, `if`/`unless`, forward, its simple present
//!   telling the future (`could lose in November if turnout is low`),
//!   though not for a name dating a noun (`if he builds on his Tuesday
//!   wins`: the wins are dated, not conditioned); past verbs and the
//!   present perfect back; a participle of speech right before the name
//!   back too, whatever the words said look ahead to (`left the
//!   hall, declaring on Wednesday she would seek office`; not a progressive,
//!   `is announcing on Friday`, nor a name inside what was said; a
//!   progressive looking back at what it comes from is no arrangement:
//!   `is coming off a win on Tuesday`, `is recovering from`); `would`
//!   after the name, in a clause a past verb before it tells, is a future
//!   seen from then (`predicted that the match on Sunday would be close`
//!   is the Sunday gone; not a relative clause's hypothetical, `a vote in
//!   July that would oust the chair`), and so is a timetable present
//!   after it (`the accord reached on Saturday still leaves them
//!   exposed`); the clause ends
//!   at a quotation mark, a colon, a semicolon or `but` (`said on
//!   Tuesday: "we can win"` is the Tuesday gone); a cue past a comma after
//!   the expression counts only when none is on its side (`the mayor, who
//!   unveiled a plan on Monday, plans to` is the Monday gone; `will open
//!   it Saturday, aides said` the coming one), unless commas set the
//!   expression off (`his next talk, on May 8, was`); and a participle clause
//!   after the expression tells what was said or done then, not when
//!   (`attacked him on Monday, saying he would` is the Monday gone). A
//!   name dating a noun that is the subject of a verb takes that verb's
//!   tense (`the mayor said Tuesday's ballot will settle it` is the coming
//!   Tuesday; a future only for a vote or another event set ahead,
//!   `Thursday's hearing will`, `the Friday deadline may`, as `Monday's
//!   ruling will make it harder` tells the ruling's aftermath), and a participle of speech
//!   does not date such a noun (`suggesting the November ballot may be
//!   rigged`). A past verb does not date a month or season after an
//!   infinitive it governs (`asked her to set out a plan for the summit
//!   in June`: the asking is past, the summit is the nearest June), except
//!   a verb of trying or causing, whose `to` was done then (`tried to sell
//!   it in March`, `prompted them to vote in June`), and `enough to`; a
//!   weekday keeps the past verb (`flew there to see him on Monday`). With
//!   no cue, the past for weekdays (news reports what happened this
//!   week), the nearest
//!   occurrence for months, month-days and holidays (`the November
//!   report` in a January story; Election Day is the coming one);
//! - a weekday dating a contest's outcome told as known is the one gone,
//!   whatever a modal or future around it says (`should gain from the
//!   win Tuesday`, `her victories in Ohio and Utah on Tuesday will shift
//!   the map`, `after a narrow defeat in Maine Tuesday`, `will build on
//!   Tuesday's win`): a definite outcome noun (or any after `after`), an
//!   outcome being known only once the contest was held; not one hoped
//!   for (`a win Tuesday would`) nor a verb (`if the party wins Tuesday`);
//! - a weekday dating a vote that a time is told against: after `ahead
//!   of`, `the run-up to`, `the lead-up to` the coming one (also with the
//!   weekday after the vote: `ahead of the county caucuses on Monday`);
//!   after `before`, `prior to`, `leading up to`, which news writes both
//!   before the vote and after it, the nearer one unless the clause looks
//!   ahead (a vote further gone is `last Tuesday's`);
//! - a month or month-day dating a vote (`the November general election`,
//!   `a June referendum`, `the Nov. 8 election`) in a clause not told in
//!   the past is the coming vote, however far: a vote is set months
//!   ahead and named before it is held (a weekday's vote is not: news
//!   tells the week's past votes without a verb as often as coming ones);
//! - a month or month-day that this puts ten months or more away, when the
//!   other occurrence is at most two months away, is the nearer one: news
//!   writes the year when it is not the year around publication; not
//!   after `since`, which no point ahead can follow (`since June` in April
//!   is last June), nor after a preposition governed by `will` (`the mill
//!   will open in February` in April is next February: the one gone is
//!   not told with `will`);
//! - after `by`, `until`, `through` in a clause told in the past, a month
//!   or month-day is the one gone when the clause tells it reached: a past
//!   perfect (`had raised $3 million by the end of June`) or a total
//!   `through the end of` a period; not after a verb moving a time ahead
//!   (`postponed until May`);
//! - a quarter is this year's unless later than the current one in a
//!   clause not pointing forward: results are reported after the quarter.
//! - a holiday in a past clause is the one gone, unless this year's is a
//!   month ahead at most (`the Christmas party` in early December, `the
//!   Saturday before Christmas`): the season's events come before the
//!   day, and news writes the year of one a year gone;
//! - a bare season (`the summer`) goes by the clause as a weekday does:
//!   in a past clause the latest that has begun, in a future one the
//!   first not yet over, with no cue the reference's year; winter, which
//!   spans two years, is always the reference's year. `this past spring`
//!   is the last one gone, `this coming spring` the next one; `last
//!   spring` is the year before's, even late in the year (`last spring`
//!   in December: this year's spring is the more likely reading, but
//!   TimeBank values it the year before, and the latest spring over lost
//!   a value on timebank-dev; measured and dropped).
//!
//! The tense cues are words, not parses: a cue word after a determiner or
//! an `-ed` word after a determiner, degree word or preposition is a noun
//! or an adjective (`the left`, `a contested convention`, `in pledged
//! votes`); intention words (`plans`, `hopes`) are cues only before `to`;
//! a passive looks ahead only when its participle announces a schedule
//! (`is expected to`, `is set for`, `is likely to`); a refusal to speak
//! (`would not comment Monday`, `wouldn't say Tuesday whether`) is told
//! of a day gone, news reporting it after.
//!
//! # News and narrative
//!
//! The anchor is the document date (news), except where the text tells a
//! story in an earlier year (narrative, as HeidelTime's modes): a
//! month-day without a year, in a clause not pointing forward, takes the
//! year last written out (`in 2012`, `May 3, 2012`) when that was in the
//! same sentence, or up to three sentences back and the date's nearest
//! occurrence is more than two months from publication. A point in
//! another year ends the story, but not a bare month (`in June`): its
//! year is only news's guess, which neither ends the story nor carries
//! it on. Bare months and weekdays stay with the
//! document date: on news, `in May` a few sentences after a year is more
//! often this year's May, even when the year was in the sentence before,
//! and `Tuesday` a sentence after an old date is mostly this week's
//! (both measured on timebank-dev, meantime-dev and campaign news: each
//! rule lost more values than it won). Only words that point back to the
//! story take its year: `that November`, `October of that year`, `June
//! that year` (the last year mentioned), as `later that year` does, and
//! `that fall` (before a clause's edge or a function word, not `warned
//! that winter storms`). `that day`, `that night`, `later that evening`
//! are the day last named (HeidelTime's narrative anchor), even one still
//! to come; with no day named before, a month or a year named since, or
//! a year right after (`that day back in 2010`), they are left out
//! rather than guessed. A season with `early`/`late`/`mid` after a
//! preposition of time (`by late summer`) goes by the clause as `the
//! summer` does.
//! A month-day the article wrote out with its year (`June 4, 1976`) keeps
//! that year when named again without it, however far on (`the June 4
//! failure`), unless the clause looks ahead: an article names a day again
//! to mean the same day.
//!
//! # Quotations
//!
//! `today`, `tomorrow`, `yesterday` inside a quotation count from the day
//! the words were said when the text says it: a speech's year (`in a 1963
//! speech`: `1963-XX-XX`; also a year after `in` right before the colon
//! opening the quotation, `as she put it in May 1992: “…”`) or the weekday of its sentence's attribution
//! (`"We vote tomorrow," she said Friday`: the Saturday after that
//! Friday; also `wrote on her blog on Sunday`, the weekday after `on` a
//! few words past the verb, and `a memo sent Sunday night warned:`, the
//! weekday right before it; `tonight` likewise). Otherwise, as outside
//! quotations, from the reference date. Two apostrophes quote as a double
//! mark does (`''We lost,'' she said`), as the quotes stage reads them.
//! `this year`, `next year`, `last year` count from a dated speech's year
//! too, quoted or reported after a verb of saying (`in a 1998 interview,
//! she said that next year she would retire`: `1999`).
//!
//! # Conventions where corpora differ
//!
//! TimeML as annotated in TimeBank and TempEval-3 is the default; MEANTIME
//! and HeidelTime differ in places. Where they do, byline follows:
//! - **Spans**: a leading preposition stays out (`on Monday` → `Monday`);
//!   modifiers that change the value stay in (`early 2009`, `the past
//!   decade`); a part of day is part of the expression with a `T` value
//!   (`Friday night` → `…TNI`; TimeBank sometimes annotates `Friday` alone).
//! - **Weeks**: `last week` is the ISO week (`2025-W07`), as TimeML
//!   specifies; TimeBank sometimes leaves the week unknown (`1989-WXX`).
//!   `the week of March 6` is the week holding that day, one expression.
//! - **Decades and centuries**: `198` and `19`, the TIMEX3 forms (TimeBank
//!   also writes `198X`); `the nineties` in words is the 1990s (`199`);
//!   a bare `the 30s` or `the nineties` is none in a sentence that tells a
//!   temperature or a rating (`approval in the mid-30s`).
//! - **Fiscal years**: `fiscal 2009` and `FY2009` are `FY2009`, as the
//!   TimeML guidelines and MEANTIME write it and as issue 15 specifies: a
//!   fiscal year is not the calendar year (it may start in any month), so
//!   the value says which it is. TimeBank's annotators wrote the calendar
//!   year (`1989`); on timebank-dev this costs the few `fiscal 1989`
//!   values that matched before. `the current fiscal year`, `last
//!   fiscal year` are `FY2025`, `FY2024` likewise.
//! - **Quarters by reference**: in a report comparing quarters, `a year
//!   earlier`, `the year-ago quarter` and `last year's quarter` are the
//!   quarter a year before (`2024-Q3`), as TimeBank values them; without a
//!   quarter named nearby, `a year ago` is a year, and `the quarter`,
//!   `the latest quarter` are the last quarter ended before publication;
//!   `the quarter ended July 31` is the calendar quarter holding most of
//!   its three months (`Q2`), unless a quarter was named nearby (`its
//!   fiscal first quarter`), whose number TimeBank keeps. A quarter not
//!   ended at publication and not reported in a past clause (`a
//!   fourth-quarter charge` expected in an October report) is no such
//!   reference: results are reported after the quarter.
//! - **Clock times** take the date written after them (`9 a.m. PST,
//!   Oct. 14`, one expression, as TimeBank spans it; `7:15 a.m. on April
//!   22`, two expressions, the time valued on that day), else the day
//!   named in their sentence or the three before, else publication. A
//!   clock time alone on its line (`9:40 p.m.`) is a live blog's timestamp
//!   and takes publication, the blog's day, even right after an entry
//!   that named another day. A clock time heading a timeline's entry
//!   (`11:40 a.m. — Crews arrive`, opening its line before a dash or a
//!   colon) takes the day of the entry before it: a timeline tells one
//!   day (the day it names before its first entry, as above), however
//!   long its entries run; a live blog's stamps alone on their lines stay
//!   the blog's day. TimeML values a time on the day it happened; neither
//!   a blog's entries nor a timeline's are dated by a weekday some earlier
//!   entry happened to name. `7pm`, `12:00pm` (marker glued) are clock
//!   times too. `at 4 in the morning`, `at 7 in the
//!   evening` are clock times (`T04:00`, `T19:00`), as TimeBank values
//!   them. A part of the day told alone (`mid
//!   afternoon`, `in the morning`) is that part of the day last named,
//!   as TimeBank values it (`…TAF`); `the morning shows` is none. `the
//!   next morning`, `the following night` are that part of the day after
//!   the day last named (TimeBank writes the day alone), unknown
//!   (`XXXX-XX-XXTMO`) when no day was named before.
//! - **Two quarters**: `the first two quarters of 1990` is the half
//!   (`1990-H1`), as TimeBank values it; without a year, a count (`P2Q`).
//! - **Reporting years**: `the year ended Sept. 30`, `the fiscal year
//!   ending June 30` are `P1Y` on the span `the (fiscal) year`, as
//!   TimeBank annotates them; the end date is its own expression. `for
//!   the year`, `for the full year`, `the first nine months of the year`
//!   are the year the report covers: the year of the quarter named
//!   nearby, else the reference's (`2025`; TimeBank values the year;
//!   `the fiscal year` is `FY2025`, as `fiscal 2025` is). `the year`
//!   elsewhere (`the year he left`, `the year before`) is none.
//!   `year-ago` and `year-earlier` before a noun (`the year-ago
//!   results`) are the adjective alone, valued as `a year earlier`.
//! - **Vague stretches**: `recent weeks` is `PAST_REF` and `the coming
//!   weeks` `PXW` (TimeBank mixes `PXW` and `PAST_REF` for the first), as
//!   are `coming weeks`, `the weeks ahead` and `the weeks to come`
//!   (TimeBank also writes `FUTURE_REF`); `a couple of weeks` is two
//!   (`P2W`), as TimeBank and HeidelTime count it; `a few days later`,
//!   `weeks later`, `months ago` are the vague stretch (`PXD`, `PXW`,
//!   `PXM`), as TimeBank values them; `over the years`, `through the
//!   decades` are `PXY` on `the years` (not `over the years of the war`),
//!   as `for years` is; `of late` is `PAST_REF` as `lately` is (on
//!   `late`; not `the widow of late Senator Roe`), and `at the moment`
//!   told alone `PRESENT_REF`, `PAST_REF` in a past clause (`nobody saw
//!   it at the moment`; not `at the moment of the crash`); `the past three years`
//!   is the duration `P3Y`, `three years ago` the year `2022`; `the
//!   last year` after `over`, `in`, `for`, `spent` is the stretch to now
//!   (`P1Y`), as `the past year` is, while `last year` and `the last week
//!   of a festival` are not; so is `the next year` after `over`
//!   (`in the next week` is the week to come); `N units
//!   later` that would fall after publication in a clause not looking
//!   ahead (`we live by it today, 200 years later`) counts from a time the
//!   text never wrote, and is the stretch (`P200Y`, on `200 years`), as
//!   TimeBank values `three days later`, not an invented future.
//! - **Runs of days**: `for a third straight day`, `a second consecutive
//!   day`, `the fourth day in a row`, `today is the eighth day of the
//!   strike` are the day reported (a day named before it in the sentence,
//!   else the reference), as TimeBank and MEANTIME value them; `the first day of
//!   the summit` (no run, no `is`) is none.
//! - **Year ends**: `by year-end`, `year's end` are the year (`2025`), as
//!   `the end of the year` is (TimeML's value, the end being a modifier;
//!   TimeBank also writes the last day or month); `since year-end` the
//!   year gone.
//! - **Ranges** are two expressions, as in TimeML: `between 60 and 90 days`
//!   → `60` (`P60D`) and `90 days` (`P90D`); with `ago` both are points
//!   (`20 and 50 years ago` in 2025 → `2005`, `1975`); `from 2009 to 2011` → two years;
//!   `March 17-20, 2016`, `April 24 and 25` → two days, the second in the
//!   first's month and both in the year written after them; `Thursday
//!   through Monday`, `from Saturday to Tuesday` → two days, the second
//!   the first such day after the first, whatever the clause points to.
//! - **Fractions**: `a quarter of the voters`, `between a quarter and a
//!   third` are no quarters; `half an hour` is `PT30M`, `half a century`
//!   `P50Y`, `a quarter of a century` `P25Y`; `two and a half hours` and
//!   `an hour and a half` are `PT2H30M` and `PT1H30M`, one expression, and
//!   before `later`/`ago` stay the stretch (TimeBank: `a minute and a
//!   half later` → `PT1M30S`), there being no point in whole units.
//! - **Not annotated**, as in TimeBank: ages (`a 6-year-old`, `voters
//!   aged 9 to 12 years old`, `21-to-29-year-olds`), classifying
//!   adjectives (`a quarterly dividend`, `the annual meeting`), titles
//!   (`Saturday Night Live`, `CBS This Morning`, and any quoted title
//!   mid-sentence of capitalized words only: on `“Weekend Report
//!   Sunday,”`, the song `“Always Tomorrow”`), chapter and verse after a
//!   name (`Hosea 4:12`: a bare `H:MM` after a capitalized word that is no
//!   day or month, without `a.m.`, `p.m.` or a zone), names (`21st Century
//!   Fox`: a capitalized `Century` before a capitalized word), and `at the end of the
//!   day` inside a quotation, where speakers mean "in the end" (the
//!   narrator's `closed higher at the end of the day` is the day).
//! - **Sets** carry TimeML's `freq` when the text counts the recurrences
//!   (`twice a week` = `P1W`, `2X`; the count is in the span); a rate after
//!   an amount (`$2 million a year`, `$9 per hour`) is a set `P1Y`
//!   (`PT1H`), not a speed (`90 miles per hour`); `each season` is `P3M`
//!   (one of the year's four seasons, every three months); `every
//!   morning` is that part of every day (`XXXX-XX-XXTMO`), as `Sunday
//!   mornings` is of every Sunday, and `on weekends` every weekend
//!   (`XXXX-WXX-WE`).
//! - **Holidays** are those of US news (Thanksgiving, Memorial Day, Labor
//!   Day, Independence Day and the Fourth of July, Veterans Day, Martin
//!   Luther King Jr. Day, Presidents' Day, Black Friday, Election Day) and
//!   the Christian calendar (Easter, computed). Election Day is the
//!   Tuesday after the first Monday of November every year (states vote
//!   in odd years too); without a cue it is the coming one, as campaign
//!   news names it before the vote, while other holidays are the nearest.
//!   One named event is valued as a holiday is: `the Sept. 11 (terrorist)
//!   attacks` is `2001-09-11`, unless the article wrote that day with
//!   another year (`Sept. 11, 2012`); a plain `Sept. 11` is a date, and
//!   `9/11`, a name, is none.
//! - **Names**: a bare month in a person's name is none: after a title or
//!   a census first name (`Ms. August`, `Colin March`), or before a census
//!   last name where a name stands (`April Harris asked`), unless a word
//!   of time comes before it (`in June Walker won`).

mod grammar;
pub(crate) mod lexicon;
mod resolve;
mod tense;
mod tree;

use chrono::{Datelike, NaiveDate};

use super::{Document, Enrichment, Stage};
use crate::event::{DateMention, DateType, ReferenceSource};
use crate::text::Text;

/// Find every temporal expression in `text`, resolving relative ones against
/// `published`, or without it against a dateline in the first lines (left
/// underspecified, e.g. `XXXX-XX-XX`, when there is neither).
pub fn extract(text: &Text<'_>, published: Option<NaiveDate>) -> Vec<DateMention> {
    analyze(text, published).0
}

/// [`extract`], also giving the reference date used and where it came from.
pub fn analyze(
    text: &Text<'_>,
    published: Option<NaiveDate>,
) -> (Vec<DateMention>, Option<NaiveDate>, ReferenceSource) {
    let lowered = grammar::Lowered::new(text);
    if let Some(p) = published {
        let found = grammar::Scanner::new(text, &lowered, Some(p)).scan();
        return (
            mentions(text, &lowered, found),
            Some(p),
            ReferenceSource::PublishedAt,
        );
    }
    let found = grammar::Scanner::new(text, &lowered, None).scan();
    match dateline(text, &found) {
        Some(d) => {
            let found = grammar::Scanner::new(text, &lowered, Some(d)).scan();
            (
                mentions(text, &lowered, found),
                Some(d),
                ReferenceSource::Dateline,
            )
        }
        None => (mentions(text, &lowered, found), None, ReferenceSource::None),
    }
}

fn mentions(
    text: &Text<'_>,
    lowered: &grammar::Lowered,
    found: Vec<grammar::Found>,
) -> Vec<DateMention> {
    found
        .into_iter()
        .filter_map(|f| {
            let span = text.token_span(f.start, f.end)?;
            // A name glued to a word (`UpdatedMarch 3`) starts after the
            // word (ASCII: its bytes are its characters).
            let lead = lowered.lead(f.start);
            // A headline glued after a clock time (`9:12PMRivals`) ends
            // it before the headline.
            let tail = f.end.checked_sub(1).map_or(0, |l| lowered.tail(l));
            let cut = span.text.len().saturating_sub(tail);
            Some(DateMention {
                text: span.text.get(lead..cut).unwrap_or(span.text).to_string(),
                start: span.start + lead,
                end: span.end.saturating_sub(tail),
                value: f.value,
                kind: f.kind,
                freq: f.freq,
            })
        })
        .collect()
}

/// How far into the body a dateline may sit: the first three non-empty
/// lines, and never past this many bytes.
const DATELINE_BYTES: usize = 400;

/// The date of a dateline: the first date in the body's first lines whose
/// line starts with nothing but capitalized words (a city, an agency, a
/// byline: `WASHINGTON, Feb. 3 (AP) —`, `By Jane Roe | September 1, 2007`)
/// or with nothing at all. `found` is a scan without a reference, so only
/// written-out dates carry a year; a dateline without one (`Feb. 3`) takes
/// the latest year written in the body, and gives nothing when there is none.
fn dateline(text: &Text<'_>, found: &[grammar::Found]) -> Option<NaiveDate> {
    let body = text.body();
    let mut limit = body.len().min(DATELINE_BYTES);
    let mut lines = 0;
    for (at, line) in body.match_indices('\n').scan(0, |start, (at, _)| {
        let line = body.get(*start..at).unwrap_or("");
        *start = at + 1;
        Some((at, line))
    }) {
        if !line.trim().is_empty() {
            lines += 1;
            if lines == 3 {
                limit = limit.min(at);
                break;
            }
        }
    }
    let f = found.iter().find(|f| {
        f.kind == DateType::Date && f.value.len() == 10 && f.value.as_bytes().get(4) == Some(&b'-')
    })?;
    let start = text.tokens().get(f.start)?.range().start;
    if start >= limit {
        return None;
    }
    let line_start = body.get(..start)?.rfind('\n').map_or(0, |n| n + 1);
    let prefix = body.get(line_start..start)?;
    let words: Vec<&str> = prefix
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let capitalized = words.iter().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
            || *w == "by"
    });
    if words.len() > 8 || !capitalized {
        return None;
    }
    if let Ok(d) = NaiveDate::parse_from_str(&f.value, "%Y-%m-%d") {
        return Some(d);
    }
    // `XXXX-MM-DD`: the latest year the body writes out.
    let (m, d) = (
        f.value.get(5..7)?.parse().ok()?,
        f.value.get(8..10)?.parse().ok()?,
    );
    let year = found
        .iter()
        .filter(|x| x.kind == DateType::Date)
        .filter_map(|x| x.value.get(..4)?.parse::<i32>().ok())
        .filter(|y| (1900..=2100).contains(y))
        .max()?;
    NaiveDate::from_ymd_opt(year, m, d).filter(|d| d.year() == year)
}

/// The dates stage.
pub struct DatesStage;

impl Stage for DatesStage {
    fn name(&self) -> &'static str {
        "dates"
    }
    fn apply(&self, doc: &Document<'_>, out: &mut Enrichment) {
        let (dates, date, source) = analyze(&doc.text, doc.article.published_at);
        out.dates = dates;
        out.reference = Some((date, source));
    }
}

#[cfg(test)]
mod tests;
