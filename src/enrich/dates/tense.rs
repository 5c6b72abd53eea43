//! Clause tense, to decide which `Monday` or `March` a bare name refers to.
//!
//! A cheap heuristic over the shared tokens: the tense cue (a past-tense
//! verb or auxiliary, or a future marker) nearest to the expression within
//! its sentence wins, a cue before the expression winning ties. News mostly
//! reports what happened, so with no cue at all the past is assumed.

use std::ops::Range;

use super::lexicon::{is_ed_exception, is_future_cue, is_past_cue};
use super::resolve::Tense;

/// The tense cue carried by token `i`, if any.
fn cue(lower: &[&str], i: usize) -> Option<Tense> {
    let w = *lower.get(i)?;
    let prev = i.checked_sub(1).and_then(|p| lower.get(p)).copied();
    let next = lower.get(i + 1).copied();
    // "the plan", "its hopes", "the opens": a noun after a determiner.
    let determiner = matches!(
        prev,
        Some(
            "the"
                | "a"
                | "an"
                | "its"
                | "his"
                | "her"
                | "their"
                | "our"
                | "this"
                | "that"
                | "whose"
        )
    );
    if is_future_cue(w)
        && determiner
        && !matches!(w, "next" | "coming" | "upcoming" | "forthcoming")
    {
        return None;
    }
    if is_future_cue(w) || w.ends_with("'ll") || w.ends_with("’ll") {
        return Some(Tense::Future);
    }
    // Modals of possibility look ahead ("may be signed on May 12"); the
    // month "May" is followed by a number or a preposition, not a verb.
    if matches!(w, "may" | "might" | "should" | "can" | "would")
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
    if matches!(w, "may" | "might" | "should" | "can" | "would") && matches!(next, Some("be")) {
        return Some(Tense::Future);
    }
    if w == "going" && next == Some("to") {
        return Some(Tense::Future);
    }
    let present_aux = matches!(prev, Some("is" | "are" | "am" | "be" | "'s" | "’s"));
    if matches!(w, "is" | "are") && next == Some("to") {
        return Some(Tense::Future);
    }
    // "to be held": scheduled.
    if w == "be" && prev == Some("to") {
        return Some(Tense::Future);
    }
    if is_plan(lower, i) {
        return Some(Tense::Future);
    }
    // The present perfect looks back ("has been searching since June").
    if w == "been" && matches!(prev, Some("has" | "have" | "'ve" | "’ve")) {
        return Some(Tense::Past);
    }
    // A participle after "be", "been", "is" ("is to be held") is no past tense.
    let passive = present_aux || matches!(prev, Some("been" | "being"));
    if is_past_cue(w) {
        return (!passive || matches!(w, "was" | "were" | "had")).then_some(Tense::Past);
    }
    if w.len() >= 5 && w.ends_with("ed") && w.is_ascii() {
        // "is expected to", "are set to": a scheduled future.
        if passive {
            return matches!(next, Some("to" | "for")).then_some(Tense::Future);
        }
        if is_ed_exception(w) {
            return None;
        }
        return Some(Tense::Past);
    }
    // Present progressive with a date: an arrangement ("is visiting Moscow on Friday").
    if w.len() >= 5 && w.ends_with("ing") && matches!(prev, Some("is" | "are" | "am")) {
        return Some(Tense::Future);
    }
    if matches!(w, "set" | "scheduled" | "expected" | "due") && present_aux {
        return Some(Tense::Future);
    }
    None
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
    for i in sentence.clone() {
        if span.contains(&i) {
            continue;
        }
        // A plan looks ahead to what follows it, not to a day before it
        // ("On Friday, the government planned to ...").
        if i >= span.end && is_plan(lower, i) {
            continue;
        }
        let Some(t) = cue(lower, i) else { continue };
        // Distance to the span; cues after it count one more (ties go to the earlier cue).
        let dist = if i < span.start {
            span.start - i
        } else {
            i - span.end + 2
        };
        if best.is_none_or(|(d, _)| dist < d) {
            best = Some((dist, t));
        }
    }
    best.map(|(_, t)| t)
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
    }
}
