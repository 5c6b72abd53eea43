//! Clause tense, to decide which `Monday` or `March` a bare name refers to.
//!
//! A cheap heuristic over the shared tokens: the tense cue (a past-tense
//! verb or auxiliary, or a future marker) nearest to the expression within
//! its sentence wins, a cue before the expression winning ties. News mostly
//! reports what happened, so with no cue at all the past is assumed.

use std::ops::Range;

use super::lexicon::{
    self, is_degree_word, is_determiner, is_ed_exception, is_future_cue, is_intention_word,
    is_past_cue, is_preposition, is_schedule_participle, is_timetable_present, is_timetable_verb,
    is_vote_noun, part_of_day,
};
use super::resolve::Tense;

/// The tense cue carried by token `i`, if any.
fn cue(lower: &[&str], i: usize) -> Option<Tense> {
    let w = *lower.get(i)?;
    let prev = i.checked_sub(1).and_then(|p| lower.get(p)).copied();
    let next = lower.get(i + 1).copied();
    // "the plan", "its hopes", "the opens": a noun after a determiner;
    // an adjective of time still to come stays a cue ("the looming
    // showdown in July").
    let determiner = prev.is_some_and(is_determiner);
    if is_future_cue(w)
        && determiner
        && !matches!(
            w,
            "next" | "coming" | "upcoming" | "forthcoming" | "looming" | "impending"
        )
    {
        return None;
    }
    // "is coming off a win on Tuesday": coming from, not still to come.
    if w == "coming" && matches!(next, Some("off" | "from")) {
        return None;
    }
    // "the blast next to the embassy": a preposition, not the next one.
    if w == "next" && next == Some("to") {
        return None;
    }
    // "vacation plans for the trip": an intention is a verb before `to`.
    if is_intention_word(w) && next != Some("to") {
        return None;
    }
    // "had been scheduled to expire Friday": a plan told as overtaken,
    // whose day has mostly gone.
    let overtaken = prev == Some("been")
        && matches!(
            i.checked_sub(2).and_then(|p| lower.get(p)).copied(),
            Some("had" | "'d" | "’d")
        );
    if overtaken && is_schedule_participle(w) {
        return Some(Tense::Past);
    }
    if is_future_cue(w) || w.ends_with("'ll") || w.ends_with("’ll") {
        return Some(Tense::Future);
    }
    // A timetable told in the present ("the ministers meet Monday", "agreed
    // to meet Monday"), not denied in the past ("did not meet Monday"), nor
    // a noun after a determiner.
    let present = !determiner
        && !matches!(
            prev,
            Some("did" | "didn't" | "didn’t" | "not" | "never" | "n't" | "n’t")
        );
    if is_timetable_verb(w) && present {
        return Some(Tense::Future);
    }
    // A vote held in the present is a timetable ("the state holds its
    // primary on Tuesday", "three states hold caucuses Saturday", "when
    // the runoffs take place"): held ones are told in the past.
    let holds_vote = matches!(w, "hold" | "holds")
        && (i + 1..i + 5)
            .map_while(|k| {
                lower
                    .get(k)
                    .filter(|w| !matches!(**w, "," | ";" | ":" | "."))
            })
            .any(|w| is_vote_noun(w));
    // A rule or event set in the present is a timetable too (`the law
    // takes effect Monday`, `fares go into effect`, `polls open Tuesday`):
    // one in force already is told `took effect`, `opened`.
    let takes_place = (matches!(w, "take" | "takes") && matches!(next, Some("place" | "effect")))
        || (matches!(w, "go" | "goes")
            && next == Some("into")
            && lower.get(i + 2) == Some(&"effect"))
        || (matches!(w, "open" | "close") && prev == Some("polls"));
    // Voters "head to the polls", "go to the polls" in the present: the
    // vote to come (a vote gone is told `went`, `headed`).
    let to_polls = matches!(w, "head" | "heads" | "go" | "goes")
        && next == Some("to")
        && lower.get(i + 2..i + 4) == Some(&["the", "polls"][..]);
    if to_polls && !determiner {
        return Some(Tense::Future);
    }
    if (holds_vote || takes_place) && present {
        return Some(Tense::Future);
    }
    // A refusal to speak is told of a day gone ("would not comment
    // Monday", "wouldn't say Tuesday whether"): news reports it after.
    let (neg, verb_at) = match (w, next) {
        ("would" | "could", Some("not")) => (true, i + 2),
        ("wouldn't" | "wouldn’t" | "couldn't" | "couldn’t", _) => (true, i + 1),
        _ => (false, i),
    };
    if neg && lower.get(verb_at).copied().is_some_and(is_refused_speech) {
        return Some(Tense::Past);
    }
    // Modals of possibility and duty look ahead ("may be signed on May
    // 12", "must win in November"); the month "May" is followed by a
    // number or a preposition, not a verb.
    if matches!(w, "may" | "might" | "should" | "can" | "would" | "must")
        && next.is_some_and(|n| {
            n.bytes().all(|b| b.is_ascii_lowercase())
                && !matches!(
                    n,
                    "of" | "and"
                        | "or"
                        | "to"
                        | "in"
                        | "the"
                        | "through"
                        | "until"
                        | "day"
                        | "this"
                        | "last"
                        | "next"
                        | "be"
                        | "have"
                )
        })
    {
        return Some(Tense::Future);
    }
    // ("must be returned by Friday" is a duty told, often in a ruling
    // already made; "must win in November" looks ahead.)
    if matches!(w, "may" | "might" | "should" | "can" | "would") && matches!(next, Some("be")) {
        return Some(Tense::Future);
    }
    // "was going to speak on Wednesday": a plan told after its day, as
    // "was to be" is (the past auxiliary is the cue).
    if w == "going" && next == Some("to") && !matches!(prev, Some("was" | "were")) {
        return Some(Tense::Future);
    }
    // A condition looks ahead: its simple present tells the future ("if
    // she is the nominee in November"); a past verb nearer the date wins
    // ("if he voted on Tuesday"). Not "as if", nor "if not", "if any"
    // (hedges, no condition).
    if matches!(w, "if" | "unless")
        && prev != Some("as")
        && !matches!(
            next,
            Some(
                "not"
                    | "any"
                    | "anything"
                    | "ever"
                    | "only"
                    | "so"
                    | "possible"
                    | "necessary"
                    | "needed"
                    | "now"
                    | "still"
            )
        )
    {
        return Some(Tense::Future);
    }
    let present_aux = matches!(prev, Some("is" | "are" | "am" | "be" | "'s" | "’s"));
    // A present copula right before a weekday (`the deadline is Friday`,
    // `the runoff is on Tuesday`) sets it on the timetable: a day gone
    // is told `was`.
    let copula_day = matches!(w, "is" | "are")
        && lower
            .get(if next == Some("on") { i + 2 } else { i + 1 })
            .is_some_and(|n| lexicon::weekday_full(n).is_some());
    if copula_day {
        return Some(Tense::Future);
    }
    if matches!(w, "is" | "are") && next == Some("to") {
        return Some(Tense::Future);
    }
    // "to be held": scheduled; not "was to be held" told after the day.
    let before_to = i.checked_sub(2).and_then(|p| lower.get(p)).copied();
    if w == "be" && prev == Some("to") && !matches!(before_to, Some("was" | "were")) {
        return Some(Tense::Future);
    }
    if is_plan(lower, i) {
        return Some(Tense::Future);
    }
    // The present perfect looks back ("has been searching since June"),
    // except in a clause of time, where it tells a future done (`after the
    // June ballots have been counted`, `once the bill has been signed`).
    if w == "been" && matches!(prev, Some("has" | "have" | "'ve" | "’ve")) {
        let of_time = (i.saturating_sub(7)..i.saturating_sub(1))
            .rev()
            .map_while(|k| {
                lower
                    .get(k)
                    .filter(|w| !matches!(**w, "," | ";" | ":" | "."))
            })
            .any(|w| matches!(*w, "after" | "once" | "until" | "till" | "when" | "before"));
        return (!of_time).then_some(Tense::Past);
    }
    // A participle after "be", "been", "is" ("is to be held") is no past tense.
    // ("is deeply divided": an adverb between.)
    let be_before_adverb = prev.is_some_and(|p| p.ends_with("ly"))
        && matches!(
            i.checked_sub(2).and_then(|p| lower.get(p)).copied(),
            Some("is" | "are" | "am" | "be" | "been" | "being" | "was" | "were")
        );
    let passive = present_aux || be_before_adverb || matches!(prev, Some("been" | "being"));
    // "the left", "a broke campaign": a noun or an adjective ("that"
    // and "this" may be pronouns: "one that said").
    if is_past_cue(w) && determiner && !matches!(prev, Some("that" | "this")) {
        return None;
    }
    if is_past_cue(w) {
        return (!passive || matches!(w, "was" | "were" | "had")).then_some(Tense::Past);
    }
    // ("need", "feed" are no pasts; "died" is, the short one news writes.)
    if (w.len() >= 5 || w == "died") && w.ends_with("ed") && w.is_ascii() {
        // "is expected to", "are set for": a scheduled future; other
        // passives are no cue ("must be returned to his father").
        // The time may follow the participle at once ("results are
        // expected Friday", "a ruling is expected on Monday", "is
        // projected in March").
        if passive {
            return (is_schedule_participle(w) && next.is_some_and(opens_schedule))
                .then_some(Tense::Future);
        }
        if is_ed_exception(w) || is_adjective_position(lower, i) {
            return None;
        }
        return Some(Tense::Past);
    }
    // A participle of speech ("declaring on Wednesday she would seek office",
    // "telling reporters Monday that"): news reports what was said after
    // it was said, whatever the words look ahead to. Not a progressive
    // ("is announcing on Friday", an arrangement).
    if is_speech_participle(w) && !progressive(lower, i) {
        return Some(Tense::Past);
    }
    // Present progressive with a date: an arrangement ("is visiting Moscow on Friday"),
    // not one that looks back at what it comes from ("is coming off a win
    // on Tuesday", "are recovering from the storm in March").
    if w.len() >= 5 && w.ends_with("ing") && matches!(prev, Some("is" | "are" | "am")) {
        return (!matches!(next, Some("off" | "from"))).then_some(Tense::Future);
    }
    if is_schedule_participle(w) && (present_aux || (w == "likely" && next == Some("to"))) {
        return Some(Tense::Future);
    }
    None
}

/// The tense of the verb whose subject holds the name at `span`, when
/// the name dates a noun (`Tuesday's vote will`, `the June ballot may
/// be`): after the name, an optional part of the day and possessive `'s`,
/// one to three plain words (the head noun and its modifiers, no cue, no
/// preposition, no relative word), then an auxiliary or modal with a
/// cue. `would` after a past cue is a future seen from then, no cue here.
fn subject_verb(
    lower: &[&str],
    sentence: Range<usize>,
    span: Range<usize>,
    past_before: bool,
) -> Option<Tense> {
    let at = |k: usize| {
        sentence
            .contains(&k)
            .then(|| lower.get(k).copied())
            .flatten()
    };
    let mut k = span.end;
    if at(k).and_then(part_of_day).is_some() {
        k += 1;
    }
    if matches!(at(k), Some("'s" | "’s")) {
        k += 1;
    }
    let head = k;
    while k < head + 3 {
        let w = at(k)?;
        let plain = w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
        if !plain
            || cue(lower, k).is_some()
            || is_preposition(w)
            || matches!(w, "that" | "which" | "who" | "and" | "or" | "to")
            || is_modal_or_auxiliary(w)
        {
            break;
        }
        k += 1;
    }
    let verb = at(k)?;
    if k == head || !is_modal_or_auxiliary(verb) || (past_before && verb == "would") {
        return None;
    }
    // A future told of the noun is the event's own only for an event set
    // ahead (`Tuesday's vote will decide`); a deed already done has
    // consequences to come (`Monday's ruling will make it harder`).
    match cue(lower, k)? {
        Tense::Future
            if !(head..k).any(|h| {
                at(h).is_some_and(|w| is_vote_noun(w) || lexicon::is_scheduled_event_noun(w))
            }) =>
        {
            None
        }
        t => Some(t),
    }
}

/// Whether tokens `from..to` hold a `to` before a plain verb (`to lay`,
/// `to stop`): not a preposition's `to` (`to the meeting`, `to Ohio`,
/// `to 2010`), told by the word after it.
fn infinitive_between(lower: &[&str], from: usize, to: usize) -> bool {
    (from..to).any(|k| {
        lower.get(k) == Some(&"to")
            && k.checked_sub(1).and_then(|p| lower.get(p)) != Some(&"enough")
            && lower.get(k + 1).is_some_and(|w| {
                k + 1 < to
                    && w.len() >= 2
                    && w.bytes().all(|b| b.is_ascii_lowercase())
                    && !is_determiner(w)
                    && !is_preposition(w)
                    && !is_degree_word(w)
                    && !w.ends_with("ing")
                    && !matches!(*w, "be" | "have" | "this" | "that" | "these" | "those")
            })
    })
}

/// Past verbs whose `to` tells a deed done at their time, not one still
/// ahead of it (the infinitive of `tried to`, `managed to`, `prompted
/// them to` happened, or was attempted, then).
fn is_implicative(w: &str) -> bool {
    matches!(
        w,
        "tried"
            | "attempted"
            | "struggled"
            | "managed"
            | "failed"
            | "sought"
            | "began"
            | "started"
            | "continued"
            | "rushed"
            | "scrambled"
            | "hastened"
            | "dared"
            | "bothered"
            | "prompted"
            | "forced"
            | "caused"
            | "helped"
            | "went"
            | "came"
            | "used"
    )
}

/// Verbs a source declines to speak with (`would not comment`,
/// `wouldn't say`).
fn is_refused_speech(w: &str) -> bool {
    matches!(
        w,
        "say"
            | "comment"
            | "discuss"
            | "confirm"
            | "elaborate"
            | "specify"
            | "answer"
            | "disclose"
            | "reveal"
            | "speculate"
            | "identify"
            | "name"
            | "respond"
            | "explain"
    )
}

/// A modal or a finite auxiliary (`will`, `may`, `was`, `has`): the verb
/// a subject noun phrase runs into.
fn is_modal_or_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "'ll"
            | "’ll"
            | "would"
            | "may"
            | "might"
            | "should"
            | "can"
            | "must"
            | "is"
            | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
    )
}

/// Whether the `-ing` word at `i` follows a form of `be` (`is
/// announcing`, `I'm telling you`, `has been saying`): a progressive.
fn progressive(lower: &[&str], i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|p| lower.get(p))
        .is_some_and(|p| {
            matches!(*p, "is" | "are" | "am" | "be" | "been" | "was" | "were")
                || ["'s", "’s", "'m", "’m", "'re", "’re"]
                    .iter()
                    .any(|c| p.ends_with(c))
        })
}

/// Whether `w` is the `-ing` form of a verb of saying or reporting
/// (`saying`, `telling`, `announcing`), as the quotes stage knows them.
fn is_speech_participle(w: &str) -> bool {
    use crate::enrich::quotes::lexicon::{cue_class, is_ing, CueClass};
    is_ing(w)
        && matches!(
            cue_class(w),
            Some(CueClass::Say | CueClass::Tell | CueClass::Report)
        )
}

/// Whether the `-ed` word at `i` stands where an adjective does: after a
/// determiner, a degree word or a preposition (`a renewed push`, `more
/// crowded`, `with renewed vigor`), or
/// after a determiner and an adverb (`a still unnamed date`).
fn is_adjective_position(lower: &[&str], i: usize) -> bool {
    let back = |k: usize| i.checked_sub(k).and_then(|p| lower.get(p)).copied();
    let Some(prev) = back(1) else { return false };
    is_determiner(prev)
        || is_degree_word(prev)
        || is_preposition(prev)
        || ((prev.ends_with("ly") || prev == "still") && back(2).is_some_and(is_determiner))
}

/// Whether `w`, right after a schedule participle (`is expected`), opens
/// what is scheduled: `to`, `for`, a preposition of time or the time
/// itself (`is expected Friday`, `is slated for`, `are expected in
/// March`, `is expected by the end of`).
fn opens_schedule(w: &str) -> bool {
    matches!(
        w,
        "to" | "for"
            | "on"
            | "by"
            | "in"
            | "within"
            | "before"
            | "until"
            | "early"
            | "late"
            | "later"
            | "sometime"
            | "next"
            | "this"
            | "tomorrow"
            | "tonight"
    ) || lexicon::weekday_full(w).is_some()
        || lexicon::month(w).is_some()
}

/// Whether token `i` announces a plan or schedule, which looks ahead even
/// told in the past ("planned to leave on Thursday", "the talks, set to
/// resume Monday"); not after a past auxiliary ("had been due to expire
/// Friday", "was set to speak Tuesday" in a Wednesday story: the plan's
/// day has mostly come by the time it is told that way).
fn is_plan(lower: &[&str], i: usize) -> bool {
    let w = lower.get(i).copied().unwrap_or("");
    let prev = i.checked_sub(1).and_then(|p| lower.get(p)).copied();
    matches!(w, "planned" | "intended" | "set" | "due" | "poised")
        && lower.get(i + 1) == Some(&"to")
        && !matches!(prev, Some("had" | "been" | "was" | "were"))
}

/// The tense for an expression at tokens `span` inside sentence `sentence`
/// (the past when no cue says otherwise).
#[cfg(test)]
pub fn tense_at(lower: &[&str], sentence: Range<usize>, span: Range<usize>) -> Tense {
    tense_cue(lower, sentence, span).unwrap_or(Tense::Past)
}

/// The tense the nearest cue gives, if the sentence has any.
pub fn tense_cue(lower: &[&str], sentence: Range<usize>, span: Range<usize>) -> Option<Tense> {
    let mut best: Option<(usize, Tense)> = None;
    // Cues past a comma after the expression: another clause's (`Acme,
    // which announced the plan on Monday, plans to ...`; `she will speak
    // on Friday, aides said`), taken only when the expression's own side
    // has none (`On Monday, Acme will`). An expression set off by commas
    // on both sides (`His talk, on May 8, was ...`) is an aside on the
    // clause around it, whose verb follows.
    let at = |k: usize| lower.get(k).copied();
    let set_off = span.start.checked_sub(1).and_then(at) == Some(",")
        || (span
            .start
            .checked_sub(1)
            .and_then(at)
            .is_some_and(is_preposition)
            && span.start.checked_sub(2).and_then(at) == Some(","));
    // `would` after the expression, in a clause told in the past, is a
    // future seen from then ("struggled on Sunday with a question about
    // how he would", "anticipated that the session on Monday would
    // focus on"): the day is the past one.
    let past_before = (sentence.start..span.start).any(|k| cue(lower, k) == Some(Tense::Past));
    let mut beyond_comma: Option<(usize, Tense)> = None;
    let mut comma_seen = false;
    // A name dating a noun (`his Tuesday wins`, `Thursday's debate`, `the
    // July convention`) tells when that event is or was: a condition
    // around it (`if he builds on his Tuesday wins`) does not move it.
    let attributive = span
        .start
        .checked_sub(1)
        .and_then(at)
        .is_some_and(is_determiner)
        || matches!(at(span.end), Some("'s" | "’s"))
        || (at(span.end).and_then(part_of_day).is_some()
            && matches!(at(span.end + 1), Some("'s" | "’s")));
    // A name inside the subject of a verb (`Tuesday's vote will decide`,
    // `said the June ballot may be delayed`) is dated by that verb, not
    // by the one the whole clause hangs from.
    if attributive {
        if let Some(t) = subject_verb(lower, sentence.clone(), span.clone(), past_before) {
            return Some(t);
        }
    }
    let yearly = lower.get(span.clone()).is_some_and(|ws| {
        ws.iter()
            .any(|w| lexicon::month(w).is_some() || lexicon::season(w).is_some())
            && !ws.iter().any(|w| lexicon::weekday(w).is_some())
    });
    for i in sentence.clone() {
        if span.contains(&i) {
            continue;
        }
        // A participle clause after the expression (`on Monday, saying he
        // would`) tells what was said or done then: its tense is not the
        // day's.
        if i >= span.end
            && lower[i] == ","
            && lower
                .get(i + 1)
                .is_some_and(|w| w.len() >= 5 && w.ends_with("ing"))
        {
            break;
        }
        // A plan looks ahead to what follows it, not to a day before it
        // ("On Friday, the government planned to ...").
        // A present schedule still does ("On Friday, she is set to ...").
        let present = i
            .checked_sub(1)
            .and_then(|p| lower.get(p))
            .is_some_and(|p| matches!(*p, "is" | "are" | "'s" | "’s"));
        if i >= span.end && is_plan(lower, i) && !present {
            continue;
        }
        // A timetable verb dates the day it governs closely ("meet on
        // Monday", "resume talks Friday"), not a day further before it
        // ("to meet demand well into the summer"), nor one before its
        // `to` of purpose ("visited on Thursday to meet senators").
        if is_timetable_verb(lower[i])
            && (span.start.saturating_sub(i) > 4
                || (i >= span.end && i.checked_sub(1).and_then(at) == Some("to")))
        {
            continue;
        }
        // A participle of speech dates the day right after it ("announcing
        // on Wednesday he would"), not one inside what was said ("saying
        // the vote is key to a win in November").
        // Nor a name dating a noun it speaks of ("suggesting the June
        // ballot may be rigged": the ballot's time is not the saying's).
        if is_speech_participle(lower[i])
            && !progressive(lower, i)
            && (i >= span.start || span.start - i > 3 || attributive)
        {
            continue;
        }
        if i >= span.end && lower[i] == "," && !set_off {
            comma_seen = true;
        }
        // (Not a relative clause's `would`, a hypothetical told of the
        // thing dated: "a coup at the convention in July that would ...".)
        let relative = i
            .checked_sub(1)
            .and_then(at)
            .is_some_and(|p| matches!(p, "that" | "which" | "who"));
        // So is a timetable present after it, whose subject holds the day
        // ("the accord reached on Saturday still leaves them exposed").
        let after_future =
            lower[i] == "would" || is_timetable_present(lower[i]) || is_timetable_verb(lower[i]);
        if past_before && i >= span.end && after_future && !relative {
            continue;
        }
        let Some(t) = cue(lower, i) else { continue };
        // A past verb before a `to` of a verb the name follows (`asked
        // him to draft a budget for the harbour in July`, `urged
        // them to stop the merger at the June meeting`) dates the asking,
        // not what is to be done, which comes after it.
        // (Months and seasons only: a weekday so placed is mostly the
        // purpose or outcome of a deed that week, `flew there to meet
        // him on Monday`, `was surprised to see it on Friday`; measured
        // on timebank-dev, meantime-dev and campaign news.)
        // Not after a verb whose `to` tells what was done then (`tried to
        // sell it in May`, `struggled to meet orders through the summer`,
        // `prompted them to vote in June`).
        if t == Tense::Past
            && i < span.start
            && yearly
            && !is_implicative(lower[i])
            && infinitive_between(lower, i + 1, span.start)
        {
            continue;
        }
        if attributive && matches!(lower[i], "if" | "unless") {
            continue;
        }
        // Distance to the span; cues after it count one more (ties go to the earlier cue).
        let dist = if i < span.start {
            span.start - i
        } else {
            i - span.end + 2
        };
        let slot = if comma_seen {
            &mut beyond_comma
        } else {
            &mut best
        };
        if slot.is_none_or(|(d, _)| dist < d) {
            *slot = Some((dist, t));
        }
    }
    best.or(beyond_comma).map(|(_, t)| t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense(s: &str, target: &str) -> Tense {
        let owned = s.to_lowercase();
        let lower: Vec<&str> = owned.split_whitespace().collect();
        let pos = lower.iter().position(|w| *w == target).unwrap();
        tense_at(&lower, 0..lower.len(), pos..pos + 1)
    }

    #[test]
    fn a_present_perfect_in_a_clause_of_time_looks_ahead() {
        let cue_of = |s: &str, target: &str| {
            let lower: Vec<&str> = s.split_whitespace().collect();
            let pos = lower.iter().position(|w| *w == target).unwrap();
            tense_cue(&lower, 0..lower.len(), pos..pos + 1)
        };
        assert_eq!(
            cue_of(
                "nobody knows what happens after the june ballots have been counted",
                "june"
            ),
            None
        );
        assert_eq!(
            cue_of(
                "nobody knows why the june ballots have been counted",
                "june"
            ),
            Some(Tense::Past)
        );
        assert_eq!(
            tense("the board has been meeting since june", "june"),
            Tense::Past
        );
    }

    #[test]
    fn cues() {
        assert_eq!(tense("he said on monday that", "monday"), Tense::Past);
        assert_eq!(
            tense("the talks will resume on monday", "monday"),
            Tense::Future
        );
        assert_eq!(
            tense("the hearing is set to open on wednesday", "wednesday"),
            Tense::Future
        );
        assert_eq!(tense("we'll meet on friday", "friday"), Tense::Future);
        assert_eq!(
            tense("the pact may be signed on friday", "friday"),
            Tense::Future
        );
        assert_eq!(
            tense("she said they would vote on friday", "friday"),
            Tense::Future
        );
        // "the plan" is a noun.
        assert_eq!(
            tense("they announced the plan on friday", "friday"),
            Tense::Past
        );
        // The month May is no modal.
        assert_eq!(
            tense("in may 2020 he resigned on friday", "friday"),
            Tense::Past
        );
        assert_eq!(
            tense("acme announced friday that it will cut", "friday"),
            Tense::Past
        );
        assert_eq!(tense("on friday the market", "friday"), Tense::Past);
        assert_eq!(
            tense("the team planned to leave on thursday", "thursday"),
            Tense::Future
        );
        assert_eq!(
            tense("the talks set to resume monday in belfast", "monday"),
            Tense::Future
        );
        assert_eq!(
            tense("they set friday as the deadline", "friday"),
            Tense::Past
        );
        assert_eq!(
            tense("on friday the council planned to vote", "friday"),
            Tense::Past
        );
        assert_eq!(
            tense("on friday the council is set to vote", "friday"),
            Tense::Future
        );
        assert_eq!(
            tense("it had been due to expire friday", "friday"),
            Tense::Past
        );
        assert_eq!(
            tense("the rally he was set to headline tuesday", "tuesday"),
            Tense::Past
        );
        assert_eq!(
            tense(
                "police have been looking for him since the march 3 fire",
                "march"
            ),
            Tense::Past
        );
        assert_eq!(
            tense("markets remain closed until friday", "friday"),
            Tense::Future
        );
        assert_eq!(
            tense(
                "acme announced today a meeting to be held on october",
                "october"
            ),
            Tense::Future
        );
        // Only a schedule's participle looks ahead before `to`.
        assert_eq!(
            tense("the court ruled the dog must be returned to its owner by friday and set friday as the deadline", "friday"),
            Tense::Past
        );
        assert_eq!(
            tense("the vote is expected to take place on friday", "friday"),
            Tense::Future
        );
        assert_eq!(
            tense(
                "the pact still unsigned was likely to be ready monday",
                "monday"
            ),
            Tense::Future
        );
        // An intention word is a noun unless `to` follows.
        assert_eq!(
            tense(
                "on friday when she cancelled her holiday plans for the trip",
                "friday"
            ),
            Tense::Past
        );
        assert_eq!(
            tense("the mayor plans to speak on friday", "friday"),
            Tense::Future
        );
        // `-ed` words in an adjective's place are no past tense.
        assert_eq!(
            tense(
                "the payment will be made on a still unnamed date in june",
                "june"
            ),
            Tense::Future
        );
        assert_eq!(
            tense(
                "voters in a deeply divided state will decide in june",
                "june"
            ),
            Tense::Future
        );
        assert_eq!(
            tense(
                "the rivals on thursday largely abandoned their attacks",
                "thursday"
            ),
            Tense::Past
        );
        // A participle clause after the day tells what was said then.
        assert_eq!(
            tense(
                "the mayor attacked her rival in a long speech on monday , saying he would raise taxes",
                "monday"
            ),
            Tense::Past
        );
        assert_eq!(
            tense(
                "the governor may sign the new budget bill into law on friday , according to aides who requested anonymity",
                "friday"
            ),
            Tense::Future
        );
        // "died" is a past, short as it is.
        assert_eq!(
            tense(
                "if we recall one thing about the actor , who died sunday , it will be his laugh",
                "sunday"
            ),
            Tense::Past
        );
        // "next to" is a place, no look ahead.
        assert_eq!(
            tense(
                "dozens were hurt in the fire next to the station on friday",
                "friday"
            ),
            Tense::Past
        );
        // A condition's simple present tells the future; a past verb
        // nearer the day, a hedge ("if not", "if any") or a name dating a
        // noun ("his monday speech") keep the past.
        assert_eq!(
            tense(
                "the mayor could lose if turnout is low on tuesday",
                "tuesday"
            ),
            Tense::Future
        );
        assert_eq!(
            tense("reporters asked if she voted on tuesday", "tuesday"),
            Tense::Past
        );
        assert_eq!(
            tense("the crowd , if not the mood , grew on tuesday", "tuesday"),
            Tense::Past
        );
        assert_eq!(
            tense("if the senator builds on his tuesday speech he", "tuesday"),
            Tense::Past
        );
        assert_eq!(
            tense("if you missed tuesday night 's debate , read on", "tuesday"),
            Tense::Past
        );
        // "was going to" likewise.
        assert_eq!(
            tense("she was going to leave on friday", "friday"),
            Tense::Past
        );
        assert_eq!(
            tense("she is going to leave on friday", "friday"),
            Tense::Future
        );
        // "was to be" is a plan told after its day.
        assert_eq!(
            tense("the rule that was to be issued on wednesday", "wednesday"),
            Tense::Past
        );
    }
}
