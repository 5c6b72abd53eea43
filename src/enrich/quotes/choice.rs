//! Speaker choice as a scored decision.
//!
//! [`super::speaker::Resolver`] generates the candidates for one cue:
//! - the subject of the cue, named (a name or an entity at its head) or as
//!   written (a pronoun, a role or group phrase);
//! - the head of an appositive naming the person a role phrase stands for
//!   ("Jane Roe, the head of sales, said");
//! - the entity holding the role the phrase's head names;
//! - the previous speakers (for pronouns, role phrases and continuing
//!   quotations);
//! - the nearest compatible entity mentions before the cue.
//!
//! Each candidate carries [`Features`]; [`score`] weighs them and [`best`]
//! takes the highest. Hard constraints (animacy, number and gender
//! agreement, a name inside a quotation) are applied when candidates are
//! generated: an incompatible candidate is never scored.
//!
//! The weights are hand-set (no dev data was used to fit them) and follow
//! one order of evidence: a name at the cue beats everything, a name in
//! apposition to the cue's role phrase comes next, then the holder of the
//! named role, then antecedents by recency, and last the phrase as written.

use super::speaker::Animacy;
use crate::enrich::entities::grouping::Gender;
use crate::event::Speaker;

/// Where a candidate comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The noun phrase at the cue itself.
    CueSubject,
    /// A name in apposition to the cue's role phrase.
    AppositiveHead,
    /// The entity whose known role is the phrase's head ("the secretary").
    RoleHolder,
    /// A speaker of an earlier statement.
    PreviousSpeaker,
    /// An entity or name mention before the cue.
    NearestMention,
}

/// What is known about one candidate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Features {
    /// A proper name (entity or capitalized run), not a pronoun or a phrase
    /// as written.
    pub named: bool,
    /// Sentences between the candidate's mention and the cue (0: same).
    pub sentences_back: u32,
    /// The mention stands after a preposition, a possessive or a verb: an
    /// object, which rarely is the antecedent of a subject pronoun.
    pub object: bool,
    /// The nearest candidate of its sentence (recency inside a sentence).
    pub nearest_in_sentence: bool,
    /// The candidate's gender is known and agrees with the pronoun's.
    pub gender_agrees: bool,
    /// The first subject mention of its sentence (the main clause's, not a
    /// subordinate clause's).
    pub opens_sentence: bool,
    /// The mention stands in a clause inside its sentence's main clause:
    /// an opening adverbial clause ("When Roe left, …") or a relative
    /// clause ("the aide whom Roe hired").
    pub subordinate: bool,
}

/// A speaker the cue may be given.
#[derive(Clone, Debug)]
pub struct Choice {
    /// Where it comes from.
    pub source: Source,
    /// Name, entity id and the mention as written.
    pub speaker: Speaker,
    /// Person, org or group.
    pub animacy: Animacy,
    /// The speaker's gender when known: an entity's, a first name's, a
    /// person noun's ("Jane Roe's husband") or a pronoun's. Carried so that
    /// a later pronoun agrees with the speaker without reading it back out
    /// of the name.
    pub gender: Option<Gender>,
    /// The evidence.
    pub features: Features,
}

/// Recency decides between antecedents; a sentence further back costs more
/// than any in-sentence preference can win back, and the cost stops
/// growing after a bound so that a far antecedent still beats the phrase
/// as written.
const PER_SENTENCE: i32 = 10;
const MAX_SENTENCES: u32 = 40;

/// The score of `c`: higher is better.
pub fn score(c: &Choice) -> i32 {
    let f = &c.features;
    let recency = 500 - PER_SENTENCE * f.sentences_back.min(MAX_SENTENCES) as i32;
    match c.source {
        // the cue's own subject, when it names someone, is the speaker:
        // nothing else is as direct
        Source::CueSubject if f.named => 1000,
        // "the head of sales" next to ", Jane Roe," is Jane Roe: the name
        // is in the same noun phrase as the cue's subject
        Source::AppositiveHead => 900,
        // an entity the article gave this role ("Secretary Roe … the
        // secretary said"): a direct link, though not at the cue
        Source::RoleHolder => 800,
        // the speaker before, over a mention of its own sentence: a
        // pronoun after a quotation most often continues its speaker; one
        // known only as a phrase ("an Iowa voter") yields to a named
        // mention up to a sentence nearer
        Source::PreviousSpeaker => {
            recency + 5 + i32::from(f.gender_agrees) - if f.named { 0 } else { 15 }
        }
        // a mention in a newer sentence than the previous speaker's wins
        // (10 per sentence > 5); inside one sentence a subject beats an
        // object, and the nearest of two subjects wins
        // An object in the pronoun's own sentence ("In a letter to Roe, he
        // wrote") is hardly ever its antecedent: it yields even to a
        // subject a sentence back. In an earlier sentence the main
        // clause's subject outranks a subordinate one ("Roe left when Doe
        // arrived. She said …" is most often Roe).
        Source::NearestMention => {
            // A subordinate clause's subject in the pronoun's own sentence
            // often is its antecedent ("When Roe arrived, she said"); a
            // sentence back it yields to the main clause's subject as an
            // object does ("After a call with Roe, Doe left. He said" is
            // Doe's).
            let object = match (f.object, f.subordinate, f.sentences_back) {
                (false, false, _) | (false, true, 0) => 0,
                (true, _, 0) => 2 * PER_SENTENCE,
                (_, _, _) => 4,
            };
            recency - object
                + i32::from(f.nearest_in_sentence)
                + i32::from(f.gender_agrees)
                + if f.opens_sentence && f.sentences_back > 0 {
                    2
                } else {
                    0
                }
        }
        // a pronoun or phrase as written: better than nothing, worse than
        // any resolved antecedent
        Source::CueSubject => 0,
    }
}

/// The best of `choices` (the first of equals), if any.
pub fn best(choices: Vec<Choice>) -> Option<Choice> {
    let mut best: Option<(i32, Choice)> = None;
    for c in choices {
        let s = score(&c);
        if best.as_ref().is_none_or(|(b, _)| s > *b) {
            best = Some((s, c));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice(source: Source, features: Features) -> Choice {
        Choice {
            source,
            speaker: Speaker {
                name: format!("{source:?}"),
                entity: None,
                text: String::new(),
                start: 0,
                end: 0,
            },
            animacy: Animacy::Person,
            gender: None,
            features,
        }
    }

    #[test]
    fn an_object_of_the_pronouns_own_sentence_yields_to_a_subject_before_it() {
        let object_here = Features {
            named: true,
            object: true,
            nearest_in_sentence: true,
            ..Features::default()
        };
        let subject_back = Features {
            named: true,
            sentences_back: 1,
            opens_sentence: true,
            ..Features::default()
        };
        assert!(
            score(&choice(Source::NearestMention, subject_back))
                > score(&choice(Source::NearestMention, object_here))
        );
        // an object a sentence back still beats a subject two back
        let object_back = Features {
            sentences_back: 1,
            ..object_here
        };
        let subject_far = Features {
            sentences_back: 2,
            ..subject_back
        };
        assert!(
            score(&choice(Source::NearestMention, object_back))
                > score(&choice(Source::NearestMention, subject_far))
        );
    }

    #[test]
    fn a_main_clause_subject_beats_a_nearer_subordinate_subject() {
        let main = Features {
            named: true,
            sentences_back: 1,
            opens_sentence: true,
            ..Features::default()
        };
        let subordinate = Features {
            named: true,
            sentences_back: 1,
            nearest_in_sentence: true,
            ..Features::default()
        };
        assert!(
            score(&choice(Source::NearestMention, main))
                > score(&choice(Source::NearestMention, subordinate))
        );
    }

    #[test]
    fn a_name_at_the_cue_beats_every_antecedent() {
        let near = Features {
            named: true,
            nearest_in_sentence: true,
            ..Features::default()
        };
        let got = best(vec![
            choice(Source::PreviousSpeaker, near),
            choice(Source::NearestMention, near),
            choice(Source::CueSubject, near),
        ]);
        assert_eq!(got.map(|c| c.source), Some(Source::CueSubject));
    }

    #[test]
    fn a_newer_sentence_beats_the_previous_speaker_and_the_same_sentence_does_not() {
        let prev = Features {
            named: true,
            sentences_back: 2,
            ..Features::default()
        };
        let newer = Features {
            sentences_back: 1,
            object: true,
            ..Features::default()
        };
        let got = best(vec![
            choice(Source::PreviousSpeaker, prev),
            choice(Source::NearestMention, newer),
        ]);
        assert_eq!(got.map(|c| c.source), Some(Source::NearestMention));
        let same = Features {
            sentences_back: 2,
            nearest_in_sentence: true,
            ..Features::default()
        };
        let got = best(vec![
            choice(Source::PreviousSpeaker, prev),
            choice(Source::NearestMention, same),
        ]);
        assert_eq!(got.map(|c| c.source), Some(Source::PreviousSpeaker));
    }

    #[test]
    fn a_previous_speaker_known_only_as_a_phrase_yields_to_a_named_mention() {
        let phrase = Features {
            sentences_back: 1,
            ..Features::default()
        };
        let named = Features {
            named: true,
            sentences_back: 1,
            ..Features::default()
        };
        let got = best(vec![
            choice(Source::PreviousSpeaker, phrase),
            choice(Source::NearestMention, named),
        ]);
        assert_eq!(got.map(|c| c.source), Some(Source::NearestMention));
    }

    #[test]
    fn a_subject_beats_a_nearer_object_of_its_sentence() {
        let object = Features {
            object: true,
            nearest_in_sentence: true,
            ..Features::default()
        };
        let subject = Features::default();
        let got = best(vec![
            choice(Source::NearestMention, object),
            choice(Source::NearestMention, subject),
        ]);
        assert_eq!(got.map(|c| c.features), Some(subject));
    }

    #[test]
    fn a_far_antecedent_still_beats_the_pronoun_as_written() {
        let far = Features {
            sentences_back: 500,
            ..Features::default()
        };
        let got = best(vec![
            choice(Source::CueSubject, Features::default()),
            choice(Source::PreviousSpeaker, far),
        ]);
        assert_eq!(got.map(|c| c.source), Some(Source::PreviousSpeaker));
    }
}
