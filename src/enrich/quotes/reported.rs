//! Reported speech: "X said (that) …", "X told reporters …", "according to
//! X, …", "…, X said.", "…, said X.", "…, as reported by X.".
//!
//! Each finding is a cue, the subject noun phrase (when one stands there)
//! and the content token range, which runs from after the cue (and `that`)
//! to the end of the clause: the sentence end, `;`, a new `that`-clause
//! ("… and that …", which becomes a second statement), `, but`, `,
//! according to`, or a comma before a clause-ending participle.

use super::lexicon::{self, CueClass};
use super::phrase::{Range, View};

/// Where the speaker of a reported statement is to be found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    /// This noun phrase.
    Np(Range),
    /// The subject of the sentence's main clause (participle cues:
    /// "…, saying that …"; coordinated verbs: "… and announced that …").
    MainClause,
    /// Nobody: agentless ("It was announced that …").
    Nobody,
}

/// One reported statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reported {
    /// The cue tokens ("said", "according to").
    pub cue: Range,
    /// Who.
    pub subject: Subject,
    /// The content tokens (before trimming of marks and final punctuation).
    pub content: Range,
}

/// Find every reported statement of the text.
pub fn find(v: &View<'_, '_>) -> Vec<Reported> {
    let mut out = Vec::new();
    let n = v.len();
    let mut i = 0;
    while i < n {
        if v.in_quote(i) || !v.is_word(i) {
            i += 1;
            continue;
        }
        let w = v.low(i);
        if w == "according" && v.low(i + 1) == "to" {
            according_to(v, i, &mut out);
            i += 2;
            continue;
        }
        if let Some(class) = v.cue_at(i) {
            verb(v, i, class, &mut out);
        } else if matches!(w.as_ref(), "found" | "finds") && document_subject(v, i) {
            // "the audit found that …", "a report that found …": what a
            // document finds is its issuer's statement ("found" is no cue
            // otherwise: "found the keys"; a poll's finding is dropped
            // below as data)
            verb(v, i, CueClass::Report, &mut out);
        }
        i += 1;
    }
    out.retain(|r| !data_or_inference(v, r) && !participle_lead(v, r));
    out
}

/// Whether the subject of the verb at `i` is a document phrase ("the
/// audit", "a report by the Audit Office that"), its head a lowercase
/// document noun.
fn document_subject(v: &View<'_, '_>, i: usize) -> bool {
    v.subject_before(i, v.sentence(i).first).is_some_and(|np| {
        // "a report by the Audit Office": the subject scan stops at the
        // issuer after "by"
        let issuer = np.first >= 2
            && matches!(v.low(np.first - 1).as_ref(), "by" | "from")
            && !v.cap(np.first - 2)
            && lexicon::is_document_noun(&v.low(np.first - 2));
        issuer
            || (np.first..np.end)
                .rev()
                .find(|&k| lexicon::is_document_noun(&v.low(k)))
                .is_some_and(|k| {
                    !v.cap(k)
                        && (k + 1 == np.end
                            || lexicon::is_np_preposition(&v.low(k + 1))
                            || lexicon::is_issue_participle(&v.low(k + 1)))
                })
    })
}

/// Whether content reported by a cue after it opens with an attribution
/// of its own: "Other members said they back the plan, aides said",
/// "Roe said “…” in May, according to the Ledger", "Police have said that
/// …, the mayor added". The opening subject and its speech verb make the
/// statement (a candidate's cue, one of `cues`: "has added another
/// link" reports nothing); the later cue would take the lead-in as words
/// of its own speaker.
pub(super) fn swallows_lead_in(v: &View<'_, '_>, c: Range, cue: Range, cues: &[usize]) -> bool {
    // subject, auxiliaries and adverbs before the inner verb
    const MAX_LEAD: usize = 8;
    if cue.first < c.end {
        return false;
    }
    (c.first + 1..(c.first + MAX_LEAD).min(c.end)).any(|k| {
        let w = v.low(k);
        v.is_word(k)
            && !v.in_quote(k)
            && !v.cap(k)
            && !lexicon::is_ing(&w)
            && !lexicon::is_determiner(&v.low(k - 1))
            && cues.contains(&k)
            && matches!(
                v.cue_at(k),
                Some(CueClass::Say | CueClass::Report | CueClass::Tell)
            )
            && v.subject_before(k, c.first)
                .is_some_and(|np| np.first == c.first)
    })
}

/// Whether `r`'s content opens with a participle after a comma ("…, he
/// said, citing the polls", "Roe said, adding the fee was small"): the
/// speaker's next act or a gloss of the writer's, no content of the cue
/// (a speech participle reports its own content). A gerund subject that
/// is no speech verb ("Roe said, cutting taxes would help") is content.
fn participle_lead(v: &View<'_, '_>, r: &Reported) -> bool {
    let k = r.content.first;
    let w = v.low(k);
    k > r.cue.first
        && v.s(k - 1) == ","
        && v.is_word(k)
        && !v.cap(k)
        && !v.in_quote(k)
        && lexicon::is_ing(&w)
        // "reported that, according to …", "…, including …" go on
        && !lexicon::is_prepositional_participle(&w)
        && (v.cue_at(k).is_some() || !gerund_subject(v, k, r.content.end))
}

/// Whether `r` reports data or an inference rather than speech: a poll
/// or other data as the source ("according to a new poll, …", "exit polls
/// found that …", "the figures indicate that …"), a document with an
/// inference verb ("the memo suggests that …"), or the writer's own
/// inference ("there is no evidence to suggest that …").
fn data_or_inference(v: &View<'_, '_>, r: &Reported) -> bool {
    let cue = r.cue.first;
    let inference = lexicon::is_inference_verb(&v.low(cue));
    if inference
        && cue >= 2
        && v.low(cue - 1) == "to"
        && matches!(
            v.low(cue - 2).as_ref(),
            "evidence"
                | "reason"
                | "nothing"
                | "anything"
                | "seem"
                | "seems"
                | "seemed"
                | "appear"
                | "appears"
                | "appeared"
        )
    {
        return true;
    }
    let Subject::Np(np) = r.subject else {
        return false;
    };
    // "78 percent of voters in a new poll": a poll anywhere in the source
    if (np.first..np.end).any(|k| v.is_word(k) && lexicon::is_poll_noun(&v.low(k))) {
        return true;
    }
    // the head: the last word before a preposition, a relative word, a
    // participle or a comma ("results of exit polls", "the memo from the
    // council", "sources who spoke on the record")
    let head = (np.first + 1..np.end)
        .find(|&k| {
            let w = v.low(k);
            !v.is_word(k)
                || lexicon::is_np_preposition(&w)
                || matches!(w.as_ref(), "who" | "which" | "that" | "whose")
                || v.verbish(k)
        })
        .unwrap_or(np.end)
        .checked_sub(1)
        // capitalized only as the sentence's first word ("Projections
        // suggest …", "Research shows that …"), or not at all
        .filter(|&k| k >= np.first && v.is_word(k) && (!v.cap(k) || sentence_opener(v, k)));
    head.is_some_and(|h| {
        let w = v.low(h);
        // a report, statement or letter conveys its issuer's words; a
        // memo or filing that "suggests" is read, not heard
        let message = matches!(
            w.strip_suffix('s').unwrap_or(&w),
            "report" | "statement" | "release" | "letter" | "email" | "e-mail" | "tweet" | "post"
        );
        // "figures" and "numbers" are data only when they infer ("party
        // figures said" are people)
        let counts = matches!(w.as_ref(), "figures" | "numbers");
        lexicon::is_data_noun(&w)
            || inference && (counts || lexicon::is_document_noun(&w) && !message)
    })
}

/// Whether the word at `k` is capitalized only because it opens its
/// sentence: it is the sentence's first word and not in capitals
/// throughout ("Figures", not "NASA").
fn sentence_opener(v: &View<'_, '_>, k: usize) -> bool {
    v.sentence(k).first == k && !v.text.is_all_caps(k)
}

/// Whether the speaker phrase `np` is a share of a poll's respondents
/// ("29 percent of voters", "Six in 10 Democrats", "one out of five",
/// "half of those asked", "a majority", "the proportion of voters
/// saying"): what a share "says" is a poll finding, and a share is nobody
/// an alert can name. The share must open the phrase, after at most
/// three determiners or degree words ("a full 79 percent", "some 55
/// percent", "about half", "more than six in 10"); "Majority Leader Roe"
/// is a title (a share word is followed by "of" or ends the phrase).
pub(super) fn respondents_share(v: &View<'_, '_>, np: Range) -> bool {
    let lead = |w: &str| {
        lexicon::is_approximator(w)
            || matches!(
                w,
                "a" | "an"
                    | "the"
                    | "just"
                    | "only"
                    | "fully"
                    | "full"
                    | "mere"
                    | "under"
                    | "more"
                    | "less"
                    | "fewer"
                    | "than"
            )
    };
    // the subject scan may keep only the last number of "four in 10",
    // or only the set after "18% of"
    let k = np.first;
    if v.is_cardinal(k)
        && k >= 2
        && (v.low(k - 1) == "in" && v.is_cardinal(k - 2)
            || k >= 3 && v.low(k - 1) == "of" && v.low(k - 2) == "out" && v.is_cardinal(k - 3))
    {
        return true;
    }
    if k >= 3
        && v.low(k - 1) == "of"
        && matches!(v.s(k - 2), "%" | "percent")
        && v.kind(k - 3) == Some(crate::text::TokenKind::Number)
    {
        return true;
    }
    if share_before_head(v, np) || surveyed_respondents(v, np) {
        return true;
    }
    let mut k = np.first;
    while k < np.end && k < np.first + 3 && v.is_word(k) && lead(&v.low(k)) {
        k += 1;
    }
    if k >= np.end || v.in_quote(k) {
        return false;
    }
    let w = v.low(k);
    // a fraction or a majority: "half", "two-thirds", "a majority of"
    if matches!(
        w.as_ref(),
        "half"
            | "majority"
            | "majorities"
            | "plurality"
            | "pluralities"
            | "proportion"
            | "percentage"
            | "share"
    ) {
        return k + 1 == np.end || v.low(k + 1) == "of";
    }
    // "a third of", "a quarter of the voters" (not "the third said")
    let part = |w: &str| {
        matches!(
            w,
            "third" | "thirds" | "quarter" | "quarters" | "fifth" | "fifths"
        )
    };
    if part(&w) {
        return v.low(k + 1) == "of";
    }
    // a number, in digits or words, hyphenated ("Twenty-four") or not
    let number = |j: usize| {
        j < np.end
            && (v.is_cardinal(j)
                || v.kind(j) == Some(crate::text::TokenKind::Number)
                || v.low(j)
                    .split('-')
                    .all(|p| crate::enrich::dates::lexicon::number_word(p).is_some()))
    };
    let mut j = k;
    while number(j) || j > k && v.s(j) == "-" && number(j + 1) {
        j += 1;
    }
    if j == k || j >= np.end {
        return false;
    }
    match v.low(j).as_ref() {
        "percent" | "%" | "pct" => true,
        // "two-thirds of", "three-quarters"
        "-" => part(&v.low(j + 1)) && (j + 2 == np.end || v.low(j + 2) == "of"),
        "per" => v.low(j + 1) == "cent",
        // "six in 10", "one out of five"
        "in" => number(j + 1),
        "out" => v.low(j + 1) == "of" && number(j + 2),
        _ => false,
    }
}

/// Whether the subject scan kept only the head of a share with its
/// modifiers: "52 percent of registered voters", "Seventy-four percent of
/// Ohio voters", "four in 10 Ohio primary voters", "a strong majority of
/// Democratic voters", "the vast majority of renters". The words between
/// the share and `np` are the head's modifiers (no punctuation, a few at
/// most); "Senate Majority Leader Roe" has no "of" after its share word.
fn share_before_head(v: &View<'_, '_>, np: Range) -> bool {
    const MAX_MODIFIERS: usize = 5;
    let whole = |k: usize| {
        matches!(
            v.low(k).as_ref(),
            "majority" | "plurality" | "majorities" | "pluralities"
        )
    };
    let share_word = |k: usize| {
        whole(k)
            || matches!(
                v.low(k).as_ref(),
                "half"
                    | "third"
                    | "thirds"
                    | "quarter"
                    | "quarters"
                    | "fifth"
                    | "fifths"
                    | "percent"
                    | "%"
            )
    };
    // the phrase itself may hold the share after its modifiers ("the vast
    // majority of renters", "a large and growing majority"): "Majority
    // Leader" is a title
    if (np.first..np.end)
        .any(|k| share_word(k) && v.low(k + 1) == "of" || whole(k) && k + 1 == np.end)
    {
        return true;
    }
    let mut j = np.first;
    for _ in 0..=MAX_MODIFIERS {
        if share_ends_at(v, j) {
            return true;
        }
        if j == 0 || !v.is_word(j - 1) || v.in_quote(j - 1) {
            return false;
        }
        let w = v.low(j - 1);
        // "18% of Democrats and independent voters": a share of two groups
        // joined by "and", the first one named ("quit and their leaders"
        // is two clauses)
        let joins_groups = matches!(w.as_ref(), "and" | "or")
            && j >= 2
            && v.is_word(j - 2)
            && v.cap(j - 2)
            && !v.text.is_sentence_start(j - 2);
        // ("registered voters": a participle may modify the head)
        if !joins_groups && (lexicon::is_left_barrier(&w) || lexicon::is_aux(&w)) {
            return false;
        }
        if v.low(j - 1) == "of" {
            return j >= 2 && (share_ends_at(v, j - 1) || share_word(j - 2));
        }
        j -= 1;
    }
    false
}

/// Whether `np` is a poll's respondents as a whole: "those surveyed",
/// "those polled", "respondents": what they "say" is the poll's finding.
fn surveyed_respondents(v: &View<'_, '_>, np: Range) -> bool {
    let polled = |k: usize| {
        k < v.text.tokens().len()
            && matches!(
                v.low(k).as_ref(),
                "surveyed" | "polled" | "questioned" | "interviewed" | "sampled"
            )
    };
    let head = v.low(np.first);
    // "Most voters say …" reports a poll only beside one ("in the poll",
    // "The survey found …" just before): "Most of the candidates said"
    // elsewhere is a group speaking
    if head == "most" && np.end > np.first + 1 {
        let here = v.sentence(np.first);
        let from = if here.first > 0 {
            v.sentence(here.first - 1).first
        } else {
            here.first
        };
        return (from..here.end).any(|k| lexicon::is_poll_noun(&v.low(k)));
    }
    head == "those" && (polled(np.first + 1) || polled(np.end))
        || matches!(head.as_ref(), "respondents" | "the") && {
            let last = v.low(np.end - 1);
            last == "respondents" && np.end - np.first <= 2
        }
}

/// Whether a share of respondents ends right before token `end`: "18%",
/// "40 percent", "four in 10" (as in "… 18% who say …").
pub(super) fn share_ends_at(v: &View<'_, '_>, end: usize) -> bool {
    let number = |k: usize| v.is_cardinal(k) || v.kind(k) == Some(crate::text::TokenKind::Number);
    end >= 2
        && (matches!(v.low(end - 1).as_ref(), "%" | "percent") && number(end - 2)
            || end >= 3 && number(end - 1) && v.low(end - 2) == "in" && number(end - 3)
            // "four out of 10"
            || end >= 4
                && number(end - 1)
                && v.low(end - 2) == "of"
                && v.low(end - 3) == "out"
                && number(end - 4))
}

/// Whether a reported statement (not a quotation) whose speaker is
/// written `who` is the writer's own narration: a columnist's "I argue
/// that …", "we might recall …", "This, I predict, will …". A first-person
/// pronoun outside quotation marks is the writer, and the writer's words
/// are the article, not a statement it reports.
pub(super) fn writers_narration(who: &str) -> bool {
    matches!(who, "I" | "we" | "We")
}

/// Whether the cue at `cue` is speech the writer only imagines: its
/// clause opens with "imagine if", "what if" or "suppose" ("Imagine if
/// the mayor said “…”", "What if the board told them …", "Suppose Roe
/// says …"), outside any quotation. Nobody said those words. (A modal
/// before the cue, "he would never say", "you could say", stays: the
/// gold counts such words as their speaker's.)
pub(super) fn imagined_speech(v: &View<'_, '_>, cue: usize) -> bool {
    let sent = v.sentence(cue);
    if v.in_quote(cue) {
        return false;
    }
    (sent.first..cue).any(|k| {
        let w = v.low(k);
        let next = v.low(k + 1);
        let frame = w == "imagine" && matches!(next.as_ref(), "if" | "that" | "what")
            || w == "what" && next == "if"
            || matches!(w.as_ref(), "suppose" | "supposing")
                && (k == sent.first || v.s(k - 1) == "," || v.low(k - 1) == "just");
        // the frame and the cue in one stretch of the writer's text
        frame && !v.in_quote(k) && (k..cue).all(|j| !v.is_quote(j) && !matches!(v.s(j), ";" | ":"))
    })
}

/// `according to X, CONTENT` and `CONTENT, according to X`.
fn according_to(v: &View<'_, '_>, i: usize, out: &mut Vec<Reported>) {
    let sent = v.sentence(i);
    let cue = Range {
        first: i,
        end: i + 2,
    };
    // the source: up to the next comma or the sentence end
    let mut e = i + 2;
    // ("according to Jo B. Poe": an initial's dot ends nothing)
    while e < sent.end
        && e < i + 32
        && v.s(e) != ","
        && (!v.is_terminal(e) || super::is_dot_of_initial(v, e))
        && !v.is_quote(e)
    {
        e += 1;
    }
    if e == i + 2 {
        return;
    }
    // "a memo seen by Acme News": the memo, not the outlet that saw it
    // ("a filing submitted by Roe" keeps its issuer, whom the resolver
    // finds)
    let src_end = (i + 3..e)
        .find(|&k| {
            let w = v.low(k);
            // (unless no capitalized modifier already names an issuer:
            // "a Ledger report released by the city" is the Ledger's)
            v.low(k + 1) == "by"
                && (v.verbish(k) || lexicon::is_irregular_participle(&w))
                && !(lexicon::is_issue_participle(&w) && (i + 2..k).all(|j| !v.cap(j)))
        })
        .unwrap_or(e);
    let src = Range {
        first: i + 2,
        end: src_end,
    };
    // "“…,” according to X": the comma inside the closing mark ends the
    // content as one outside it does
    // (when the source can speak, "according to their taste" is no
    // attribution, and the quotation has no speech verb of its own
    // before it: "Roe said, “…,” according to the Ledger" relays it)
    let mark_comma = i >= 2
        && v.is_quote(i - 1)
        && v.in_quote(i - 1)
        && v.s(i - 2) == ","
        && (i + 2..src_end).any(|k| v.cap(k) || lexicon::is_source_noun(&v.low(k)))
        && !(sent.first..i - 1).any(|k| {
            !v.in_quote(k)
                && matches!(
                    v.cue_at(k),
                    Some(CueClass::Say | CueClass::Report | CueClass::Tell)
                )
        });
    // "Now, according to X, …": a connective before is no content
    let before_comma = i > sent.first
        && (v.s(i - 1) == "," || mark_comma)
        && !super::only_connectives(
            v,
            Range {
                first: sent.first,
                end: i - 1,
            },
        );
    // "…, which, according to X, is …": the relative clause is no
    // sentence of its own, and the sentence before it is not X's
    let relative = i >= 2 && v.s(i - 1) == "," && lexicon::is_wh(&v.low(i - 2));
    if relative {
        return;
    }
    if before_comma && i - 1 > sent.first {
        // CONTENT, according to X.
        // ("“A. B,” according to X": a quotation opened in an earlier
        // sentence is X's whole, not a copy of its last sentence)
        let mut floor = sent.first;
        if mark_comma {
            while floor > 0 && v.in_quote(floor - 1) && !v.is_quote(floor) {
                floor -= 1;
            }
        }
        let first = clause_start_before(v, i - 1, floor);
        // "Turnout, according to X, has surged": a subject without its
        // verb before the cue; the clause goes on after the source
        let subject_only = i - 1 - first <= 6
            && (first..i - 1).all(|k| {
                !(v.verbish(k) || v.irregular_past(k) || v.cue_at(k).is_some() || v.in_quote(k))
            });
        // the source may carry an appositive before the clause goes on
        // ("…, according to Jo Poe, a former envoy, was …")
        let e = appositive_after(v, e, sent.end).unwrap_or(e);
        let end = if subject_only
            && v.s(e) == ","
            && v.is_word(e + 1)
            && !v.cap(e + 1)
            && (v.verbish(e + 1) || v.irregular_past(e + 1) || lexicon::is_preverbal(&v.low(e + 1)))
        {
            clause_end(v, e + 1, sent.end, false)
        } else {
            i - 1
        };
        // "“…,” Roe said, according to the Ledger": the source relays a
        // quotation that has its own speaker and cue; no statement of its own
        // (the quotation's cue clause ends the content, right after it)
        let relays_quote = (first.max(i.saturating_sub(7))..i - 1).any(|k| {
            !v.in_quote(k)
                && v.cue_at(k).is_some()
                && (first.max(k.saturating_sub(5))..k).any(|j| v.in_quote(j))
        });
        if first < i - 1 && !relays_quote {
            out.push(Reported {
                cue,
                subject: Subject::Np(src),
                content: Range { first, end },
            });
        }
    } else if v.s(e) == "," && (i == sent.first || v.s(i - 1) == ",") {
        // According to X, CONTENT.
        let end = clause_end(v, e + 1, sent.end, false);
        if end > e + 1 {
            out.push(Reported {
                cue,
                subject: Subject::Np(src),
                content: Range { first: e + 1, end },
            });
        }
    }
}

/// The comma closing an appositive that opens right after `comma` with a
/// determiner ("Jo Poe, a former envoy, was …"; "…, said Jo Poe, the
/// mayor, will …"): a noun phrase of a few words, no verb.
pub fn appositive_after(v: &View<'_, '_>, comma: usize, ceil: usize) -> Option<usize> {
    const MAX_WORDS: usize = 10;
    let opens = v.low(comma + 1);
    if v.s(comma) != "," || !(lexicon::is_determiner(&opens) || opens == "another") {
        return None;
    }
    (comma + 2..ceil.min(comma + 2 + MAX_WORDS))
        .take_while(|&k| {
            v.s(k) == "," || v.is_word(k) && !v.in_quote(k) && !v.verbish(k) && !v.irregular_past(k)
        })
        .find(|&k| v.s(k) == ",")
}

/// The start of the clause that ends at `comma` (a comma before a trailing
/// cue): the sentence start, or after a sentence-initial quotation mark.
fn clause_start_before(v: &View<'_, '_>, comma: usize, floor: usize) -> usize {
    let mut first = floor;
    // skip a leading ", which," style connector
    while first < comma && first < floor + 4 && (v.s(first) == "(" || v.s(first) == "-") {
        first += 1;
    }
    // a relative "which, according to X is …" is not a full clause: keep it simple
    let _ = comma;
    first
}

/// Longest reported content, in tokens.
const MAX_CONTENT: usize = 160;

/// Whether a speech verb form is in the present tense, third person
/// ("says", "argues"): the speaker's own next predicate would be too.
fn present_tense(w: &str) -> bool {
    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")
}

/// Content end scanning from `start` to at most `ceil`; `cue_present`
/// when the cue is in the present tense ("Roe says …").
fn clause_end(v: &View<'_, '_>, start: usize, ceil: usize, cue_present: bool) -> usize {
    // reported content is a clause, not a chapter: the bound keeps every cue
    // linear even in a sentence without end
    let ceil = ceil.min(start + MAX_CONTENT);
    let mut j = start;
    while j < ceil {
        let s = v.s(j);
        if v.is_quote(j) && v.in_quote(j) {
            // a closing mark: '…aggressively," referring' / '"…asleep" and called'
            let closing =
                j > start && v.in_quote(j - 1) && !v.is_quote(j - 1) && !v.in_quote(j + 1);
            if closing && j + 1 < ceil {
                let nw = v.low(j + 1);
                if v.s(j - 1) == "," && v.is_word(j + 1) && !v.cap(j + 1) {
                    return j + 1;
                }
                if matches!(nw.as_ref(), "and" | "but")
                    && v.is_word(j + 2)
                    && v.low(j + 2) != "that"
                    && !v.clause_starts(j + 2, false)
                {
                    return j + 1;
                }
            }
            j += 1;
            continue;
        }
        if v.in_quote(j) {
            j += 1;
            continue;
        }
        // "…; the tax office estimates a drop": a new subject with a
        // speech verb of its own after a semicolon, however long its
        // subject ("; the state's own revenue office estimates …")
        if s == ";"
            && ((j + 1..(j + 7).min(ceil)).any(|k| v.cue_at(k).is_some())
                || clause_with_cue(v, j + 1, ceil, 12, |_, c| c != CueClass::DirectOnly))
        {
            return j;
        }
        // a colon introducing a quotation: "…, adding: “…”"
        if s == ":" && v.is_quote(j + 1) && v.in_quote(j + 1) {
            return j;
        }
        let w = v.low(j);
        // "Roe said the plan failed and added that …", "… but said, “…”":
        // a speech verb with no subject of its own after "and"/"but" is
        // the speaker's second predicate, and a second statement, not
        // more of this one
        if matches!(w.as_ref(), "and" | "but") && j > start + 1 && coordinated_cue(v, j + 1, ceil) {
            return if v.s(j - 1) == "," { j - 1 } else { j };
        }
        // "Roe said the plan failed and she accused Doe of …": a subject
        // pronoun with a cue of its own opens a second statement (with a
        // noun subject, "the mayor and the council said" may be one
        // subject: the comma case below takes those)
        if matches!(w.as_ref(), "and" | "but")
            && j > start + 1
            && v.s(j - 1) != ","
            && (lexicon::is_subject_pronoun(&v.low(j + 1)) || v.low(j + 1) == "others")
            && other_speaker_clause(v, j + 1, ceil)
        {
            return j;
        }
        // "Roe said the plan was late and Doe warned that …": after a
        // clause with a verb of its own, a noun subject with a speech verb
        // of its own is a second speaker's statement ("the mayor and the
        // council warned", with no verb before "and", is one subject)
        if matches!(w.as_ref(), "and" | "but")
            && j > start + 1
            && v.s(j - 1) != ","
            && finite_before(v, start, j)
            // a subject opens the clause, not an adverb of a second verb
            // of the same one ("… learned of it and almost at once
            // disclosed it")
            && !opens_with_adverb(v, j + 1)
            // (not a relative clause of the content's own noun: "… of
            // delegates and members who pledged …")
            && clause_with_cue(v, j + 1, ceil, 8, |k, c| {
                c != CueClass::DirectOnly
                    && !(j + 1..k).any(|a| {
                        matches!(v.low(a).as_ref(), "who" | "whom" | "whose" | "which" | "that")
                    })
            })
        {
            return j;
        }
        // "…, and when pressed on why, she …", "… when asked about the
        // audit": the writer's frame around the speaker being questioned,
        // not more of what was said
        if matches!(w.as_ref(), "when" | "while" | "after" | "once")
            && j > start + 1
            && questioned_frame(v, j + 1, ceil)
        {
            let mut e = j;
            if matches!(v.low(e - 1).as_ref(), "and" | "but") && e > start + 2 {
                e -= 1;
            }
            if v.s(e - 1) == "," && e > start + 2 {
                e -= 1;
            }
            return e;
        }
        // "… but declined to give details", "… but did not say when": the
        // speaker's own refusal after the content, not more of it
        if w == "but" && j > start + 1 && speaker_refusal(v, j + 1, ceil) {
            return if v.s(j - 1) == "," { j - 1 } else { j };
        }
        if w == "that" && j > start + 1 && matches!(v.low(j - 1).as_ref(), "and" | "but") {
            let k = if j >= 2 && v.s(j - 2) == "," {
                j - 2
            } else {
                j - 1
            };
            return k;
        }
        // a new attribution introducing a quotation ("…, the mayor replied,
        // “…”", "… — Roe boasted: “…”") is a statement of its own
        if (s == "," || matches!(s, "-" | "–" | "—" | "―"))
            && j > start
            && quote_intro(v, j + 1, ceil)
        {
            return j;
        }
        // a spaced dash before a lowercase gloss: "… the target - defined as …"
        if matches!(s, "-" | "–" | "—")
            && v.text.tokens().get(j).is_some_and(|t| t.space_before)
            && v.is_word(j + 1)
            && !v.cap(j + 1)
            && j > start
        {
            // "the fee - set in May - was too high": an aside closed by a
            // second dash inside the subject; the clause goes on after it
            if let Some(close) = aside_close(v, j, ceil) {
                j = close + 1;
                continue;
            }
            return j;
        }
        if s == "," {
            let nw = v.low(j + 1);
            if nw == "but" && (v.verbish(j + 2) || v.cue_at(j + 2).is_some()) {
                return j;
            }
            // "…, including Jane Roe: “…”": the member named before a
            // quotation speaks it, a statement of its own
            if j > start && member_intro(v, j + 1, ceil) {
                return j;
            }
            // "…, and rights groups warned that …", "…, while critics
            // accused Roe of …": a new subject with a cue of its own is a
            // second statement, not more of this one
            if matches!(nw.as_ref(), "and" | "but" | "while" | "whereas")
                && j > start + 1
                && other_speaker_clause(v, j + 2, ceil)
            {
                return j;
            }
            // "…, and Jo Poe, the county's auditor, warned that …": the
            // same with a name and its role between commas as the subject
            if matches!(nw.as_ref(), "and" | "but" | "while")
                && j > start + 1
                && named_attribution(v, j + 2, ceil)
            {
                return j;
            }
            // ", and reminded the crowd of …": a verb without a subject
            // after ", and" goes on with the speaker's own clause
            if nw == "and" && j > start + 2 {
                let mut k = j + 2;
                while k < ceil && k < j + 5 && lexicon::is_preverbal(&v.low(k)) {
                    k += 1;
                }
                let x = v.low(k);
                let past = v.is_word(k)
                    && !v.cap(k)
                    && !lexicon::is_aux(&x)
                    && (x.len() > 3 && x.ends_with("ed") || v.irregular_past(k))
                    // "was sent to X, and opened by Y": one passive content
                    && v.low(k + 1) != "by";
                // "Roe says Doe took the money, and spent it": after a
                // present-tense cue a simple past is the content's, not the
                // speaker's next act ("…, and has pushed …" still is)
                let perfect = (j + 2..k).any(|a| lexicon::is_aux(&v.low(a)));
                if past && (perfect || !cue_present) {
                    return j;
                }
            }
            // "…, an admission that rivals seized on": the writer's
            // gloss of the statement, a noun with its relative clause
            let gloss = matches!(nw.as_ref(), "a" | "an")
                && (j + 3..(j + 5).min(ceil)).any(|k| {
                    matches!(v.low(k).as_ref(), "that" | "which")
                        && (j + 2..k).all(|a| v.is_word(a) && !v.cap(a) && !v.in_quote(a))
                });
            if gloss && j > start + 2 {
                return j;
            }
            if matches!(nw.as_ref(), "where" | "which")
                && j > start + 3
                && !embedded_relative(v, j + 1, ceil)
            {
                return j;
            }
            // ", recalling the time …", ", calling it …": a speech verb's
            // participle is the speaker's next act, a gloss of the writer's
            let speech_participle =
                lexicon::is_ing(&nw) && !v.cap(j + 1) && v.cue_at(j + 1).is_some() && j > start + 2;
            if nw == "according" || lexicon::is_clause_ending_participle(&nw) || speech_participle {
                return j;
            }
            // ", while stressing …", ", before adding …": the same after
            // a subordinator; ", as has Doe", ", as did the board": the
            // writer's note that others said the same
            let after_subordinator = matches!(nw.as_ref(), "while" | "before" | "after")
                && lexicon::is_ing(&v.low(j + 2))
                && !v.cap(j + 2)
                && v.cue_at(j + 2).is_some();
            let as_others = nw == "as"
                && matches!(
                    v.low(j + 2).as_ref(),
                    "has" | "have" | "had" | "did" | "does" | "do"
                )
                && v.is_word(j + 3)
                && (v.cap(j + 3) || lexicon::is_determiner(&v.low(j + 3)));
            if (after_subordinator || as_others) && j > start + 2 {
                return j;
            }
            // "Roe, who never said that X, said on Monday that …": a
            // finite speech verb right after the comma is the main clause
            // resuming, not more of the content
            let resumes = !v.cap(j + 1)
                && !lexicon::is_ing(&nw)
                && v.low(j + 2) != "to"
                && matches!(
                    v.cue_at(j + 1),
                    Some(CueClass::Say | CueClass::Report | CueClass::Tell)
                );
            if resumes {
                return j;
            }
            // ", said X." / ", X said." closing the sentence, or a new
            // speech clause ", Roe said that …"
            if trailing_cue_at(v, j + 1, ceil).is_some() || new_speech_clause(v, j + 1, ceil) {
                return j;
            }
        }
        j += 1;
    }
    ceil
}

/// Whether a name with a role appositive and a finite speech verb opens
/// at `k`: "Jo Poe, the county's auditor, warned …".
fn named_attribution(v: &View<'_, '_>, k: usize, ceil: usize) -> bool {
    const MAX_NAME: usize = 4;
    let name_end = (k..ceil.min(k + MAX_NAME + 1))
        .find(|&a| !(v.is_word(a) && v.cap(a) && !v.in_quote(a)))
        .unwrap_or(k);
    if name_end == k || v.s(name_end) != "," {
        return false;
    }
    let Some(close) = appositive_after(v, name_end, ceil) else {
        return false;
    };
    let c = past_adverbs(v, close + 1, 2, ceil);
    c < ceil
        && !v.cap(c)
        && !lexicon::is_ing(&v.low(c))
        && matches!(
            v.cue_at(c),
            Some(CueClass::Say | CueClass::Report | CueClass::Tell)
        )
}

/// Whether "that" at `k` after the speech verb at `i` is a demonstrative
/// subject: a singular finite auxiliary follows ("said that was wrong",
/// "argued that would cost more"). A plural or bare form ("that are",
/// "that be") is no demonstrative's verb, and after a speech noun ("a
/// report that could …", "telling replies that …") "that" opens a
/// relative clause: the cue must be a past, participle or "says".
fn demonstrative_that(v: &View<'_, '_>, i: usize, k: usize) -> bool {
    let c = v.low(i);
    let verb_form = lexicon::is_ing(&c)
        || c.ends_with("ed")
        || c == "said"
        || v.irregular_past(i)
        || c == "says";
    // "told Roe that was …" still, but "telling replies that could …":
    // after a common noun "that" is its relative pronoun
    let after_noun =
        k > i + 1 && v.is_word(k - 1) && !v.cap(k - 1) && !lexicon::is_time_word(&v.low(k - 1));
    let n = v.low(k + 1);
    verb_form
        && !after_noun
        && v.is_word(k + 1)
        && !v.cap(k + 1)
        && !v.in_quote(k + 1)
        && lexicon::is_aux(&n)
        && !matches!(n.as_ref(), "be" | "am")
        && !lexicon::is_plural_or_bare_aux(&n)
}

/// Whether the sentence from `floor` opens with a quotation that closes
/// right before token `k` (its closing mark, or that mark and a comma:
/// '"…," Roe said', '"…", Roe said'): the words before the cue are all
/// quoted. A quotation that ended the sentence before ('…."' then "Roe
/// said the …"), or one inside the writer's clause ('On the "Morning
/// Hour," Roe said the …'), is not this cue's.
fn quotation_ends_before(v: &View<'_, '_>, k: usize, floor: usize) -> bool {
    let closing = |q: usize| {
        q > floor
            && v.is_quote(q)
            && v.in_quote(q)
            && v.in_quote(q - 1)
            && !matches!(v.s(q - 1), "." | ":" | ";")
    };
    // a quotation longer than this is a paragraph's, no cue's opener
    const MAX_QUOTED: usize = 400;
    let close = if k > 0 && closing(k - 1) {
        k - 1
    } else if k > 1 && v.s(k - 1) == "," && closing(k - 2) {
        k - 2
    } else {
        return false;
    };
    // its opening mark opens a sentence (one that may end inside the
    // marks: '"No. Never," Roe said'); 'to chants of "Go! Go!," the crowd
    // …' has the writer's words before it
    let open = (close.saturating_sub(MAX_QUOTED)..close)
        .rev()
        .take_while(|&j| v.in_quote(j))
        .last();
    open.is_some_and(|o| v.is_quote(o) && (v.sentence(o).first..o).all(|j| !v.is_word(j)))
}

/// Whether the word at `k` is an adverb before a verb ("also", "almost",
/// "quickly"), which opens no subject.
fn opens_with_adverb(v: &View<'_, '_>, k: usize) -> bool {
    let w = v.low(k);
    v.is_word(k)
        && (lexicon::is_preverbal(&w)
            || lexicon::is_ly_adverb(&w)
            || matches!(w.as_ref(), "almost" | "nearly" | "never" | "quickly"))
}

/// Whether tokens `first..end` hold a finite or past verb ("was", "would",
/// "warned", "took"), not a participle after a determiner ("the proposed
/// rules"): the clause before a coordinator is complete.
fn finite_before(v: &View<'_, '_>, first: usize, end: usize) -> bool {
    (first..end).any(|k| {
        !v.in_quote(k)
            && (v.irregular_past(k)
                || v.verbish(k) && !(k > first && lexicon::is_determiner(&v.low(k - 1))))
    })
}

/// Whether the words at `k`, after "when"/"while", put a question to the
/// speaker: a questioning participle ("asked about", "pressed on why",
/// "reached by phone"), or one after a pronoun and "was" ("when she was
/// asked"), going on in the sentence ("would answer when asked." ends it:
/// that is still the speaker's promise).
fn questioned_frame(v: &View<'_, '_>, k: usize, ceil: usize) -> bool {
    let k = if lexicon::is_subject_pronoun(&v.low(k))
        && matches!(v.low(k + 1).as_ref(), "was" | "were" | "is" | "are")
    {
        k + 2
    } else {
        k
    };
    k + 1 < ceil
        && v.is_word(k)
        && !v.cap(k)
        && !v.in_quote(k)
        && lexicon::is_questioned_participle(&v.low(k))
        && !v.is_terminal(k + 1)
        && v.low(k + 1) != "to"
}

/// The second spaced dash closing an aside opened by the dash at `open`
/// ("the fee - set in May - was …"), when a word goes on after it within
/// the sentence and before `ceil`; the aside holds no quotation mark.
fn aside_close(v: &View<'_, '_>, open: usize, ceil: usize) -> Option<usize> {
    const MAX_ASIDE: usize = 25;
    let dash = v.s(open);
    let toks = v.text.tokens();
    (open + 1..ceil.min(open + MAX_ASIDE))
        .take_while(|&k| !v.is_terminal(k) && !v.is_quote(k) && v.s(k) != ";")
        .find(|&k| v.s(k) == dash && toks.get(k).is_some_and(|t| t.space_before))
        .filter(|&k| k + 1 < ceil && v.is_word(k + 1) && !v.cap(k + 1))
        // "… members - there are nine - but said …", "… - an old
        // favorite - others say …": the aside closed a clause, and a new
        // one starts after it
        .filter(|&k| {
            !matches!(
                v.low(k + 1).as_ref(),
                "and" | "but" | "or" | "nor" | "yet" | "so"
            ) && !other_speaker_clause(v, k + 1, ceil)
        })
}

/// Whether a finite speech verb with no subject opens at `j`, after
/// adverbs ("also said", "later added"), and goes on to a content of its
/// own: "that", a comma or colon before a quotation, or a quotation.
/// A participle ("and saying") or infinitive is no second predicate.
fn coordinated_cue(v: &View<'_, '_>, j: usize, ceil: usize) -> bool {
    let k = past_adverbs(v, j, 3, ceil);
    let w = v.low(k);
    if k + 1 >= ceil || v.in_quote(k) || v.cap(k) || lexicon::is_ing(&w) {
        return false;
    }
    // a finite form: "had her aide call them and tell Roe …" coordinates
    // bare infinitives under another verb
    let finite =
        w.len() > 3 && w.ends_with("ed") || w.ends_with('s') || w == "said" || v.irregular_past(k);
    if !finite {
        return false;
    }
    if !matches!(
        v.cue_at(k),
        Some(CueClass::Say | CueClass::Report | CueClass::Tell | CueClass::DirectOnly)
    ) {
        return false;
    }
    let n = k + 1;
    let opens_quote = |q: usize| v.is_quote(q) && v.in_quote(q);
    v.low(n) == "that" && v.is_word(n)
        || matches!(v.s(n), "," | ":") && opens_quote(n + 1)
        || opens_quote(n)
        // "and said he would", "and told reporters she …": a clause or
        // an addressee then a clause
        || v.clause_starts(n, true)
}

/// Whether a refusal of the speaker's opens at `j` (after "but"), past
/// adverbs: a refusal verb ("declined to", "refused to") or a negated
/// auxiliary before a speech verb ("did not say", "would not comment").
fn speaker_refusal(v: &View<'_, '_>, j: usize, ceil: usize) -> bool {
    let k = past_adverbs(v, j, 2, ceil);
    if k >= ceil || v.cap(k) || v.in_quote(k) {
        return false;
    }
    let w = v.low(k);
    if matches!(w.as_ref(), "declined" | "refused") && v.low(k + 1) == "to" {
        return true;
    }
    let negated_aux = matches!(w.as_ref(), "did" | "would" | "could") && v.low(k + 1) == "not"
        || matches!(
            w.as_ref(),
            "didn't" | "wouldn't" | "couldn't" | "didn’t" | "wouldn’t"
        );
    let verb = if negated_aux && v.low(k + 1) == "not" {
        k + 2
    } else {
        k + 1
    };
    negated_aux && verb < ceil && v.cue_at(verb).is_some()
}

/// The first token from `k` on past at most `most` adverbs that may stand
/// before a verb ("also", "later"), never reaching `ceil`; an auxiliary
/// is a verb of its own and stops the walk.
fn past_adverbs(v: &View<'_, '_>, k: usize, most: usize, ceil: usize) -> usize {
    let mut a = k;
    while a < ceil
        && a < k + most
        && lexicon::is_preverbal(&v.low(a))
        && !lexicon::is_aux(&v.low(a))
    {
        a += 1;
    }
    a
}

/// Whether the relative clause starting at `j` is closed by a comma and
/// followed by the main clause's verb ("the wording, which did not bar X,
/// could be …"): then the content goes on.
fn embedded_relative(v: &View<'_, '_>, j: usize, ceil: usize) -> bool {
    let mut k = j + 1;
    while k < ceil && k < j + 30 {
        if v.s(k) == "," {
            if k == j + 1 {
                return false;
            }
            let a = past_adverbs(v, k + 1, 5, ceil);
            return v.verbish(a);
        }
        if v.is_terminal(k) {
            return false;
        }
        k += 1;
    }
    false
}

/// Whether a clause with its own subject and a speech verb introducing a
/// quotation starts at `j`: "the head of the panel replied, “…”".
fn quote_intro(v: &View<'_, '_>, j: usize, ceil: usize) -> bool {
    clause_with_cue(v, j, ceil, 12, |k, c| {
        c != CueClass::Fragment
            && matches!(v.s(k + 1), "," | ":")
            && v.is_quote(k + 2)
            && v.in_quote(k + 2)
    })
}

/// Whether "including", "among them" or "such as" at `j` introduces a
/// name ([`super::member_before_mark`]) whose colon or dash opens a
/// quotation.
fn member_intro(v: &View<'_, '_>, j: usize, ceil: usize) -> bool {
    let intro = matches!(
        (v.low(j).as_ref(), v.low(j + 1).as_ref()),
        ("including", _) | ("among", "them") | ("such", "as")
    );
    intro
        && (j + 2..(j + 10).min(ceil)).any(|k| {
            v.is_quote(k + 1)
                && v.in_quote(k + 1)
                && super::member_before_mark(v, k, &[]).is_some_and(|np| np.first > j)
        })
}

/// Whether a clause with its own subject and speech verb starts at `j`
/// ("…, Roe said that …").
fn new_speech_clause(v: &View<'_, '_>, j: usize, ceil: usize) -> bool {
    clause_with_cue(v, j, ceil, 8, |_, c| {
        matches!(c, CueClass::Say | CueClass::Report | CueClass::Tell)
    })
}

/// Whether a clause with a subject of its own and a speech verb opens at
/// `j` after a coordinator: "[and] rights groups warned that …", "[while]
/// critics accused Roe of …" (a verb taking a fragment counts: what it
/// says of someone is a statement of its subject's).
fn other_speaker_clause(v: &View<'_, '_>, j: usize, ceil: usize) -> bool {
    clause_with_cue(v, j, ceil, 8, |_, c| {
        matches!(
            c,
            CueClass::Say | CueClass::Report | CueClass::Tell | CueClass::Fragment
        )
    })
}

/// Whether the first cue within `reach` tokens of `j` (before `ceil`, a
/// sentence end, a comma or a quotation) is one `accept`s, after at least
/// one word, with a subject that starts at `j` or the word after it.
fn clause_with_cue(
    v: &View<'_, '_>,
    j: usize,
    ceil: usize,
    reach: usize,
    accept: impl Fn(usize, CueClass) -> bool,
) -> bool {
    let mut k = j;
    while k < ceil && k < j + reach {
        if v.is_terminal(k) || v.s(k) == "," || v.in_quote(k) {
            return false;
        }
        if let Some(c) = v.cue_at(k) {
            return k > j
                && accept(k, c)
                && v.subject_before(k, j).is_some_and(|np| np.first <= j + 1);
        }
        k += 1;
    }
    false
}

/// "Radio X quoted spokesman Jane Roe as saying …", "the paper cites Roe
/// as saying": the outlet relays, the object of the quoting verb speaks.
/// The phrase between the verb and "as" before the participle at `i`.
fn relayed_speaker(v: &View<'_, '_>, i: usize, floor: usize) -> Option<Range> {
    const MAX_OBJECT: usize = 8;
    let as_at = i
        .checked_sub(1)
        .filter(|&k| k > floor && v.low(k) == "as")?;
    let verb = (as_at.saturating_sub(MAX_OBJECT + 1).max(floor)..as_at)
        .rev()
        .take_while(|&k| !v.in_quote(k) && !v.is_terminal(k) && !matches!(v.s(k), ";" | ":"))
        .find(|&k| {
            matches!(
                v.low(k).as_ref(),
                "quoted" | "quotes" | "quoting" | "cited" | "cites" | "citing"
            )
        })?;
    let object = Range {
        first: verb + 1,
        end: as_at,
    };
    // a name or a described source, not a clause ("quoted the report on
    // which it relied")
    let named = (object.first..object.end).any(|k| v.cap(k))
        || lexicon::is_determiner(&v.low(object.first));
    let clause = (object.first..object.end).any(|k| v.verbish(k) || v.s(k) == ",");
    (object.end > object.first && named && !clause).then_some(object)
}

/// The subject of a participle cue at `i` ("…, saying that"): the main
/// clause's, unless a noun phrase stands right before it ("critics saying
/// that") that is not an object ("wrote to voters saying", "emailed
/// supporters saying").
pub(super) fn participle_subject(v: &View<'_, '_>, i: usize, floor: usize) -> Subject {
    if let Some(np) = relayed_speaker(v, i, floor) {
        return Subject::Np(np);
    }
    // "Recalling “…,” the memo urged …", "Noting “…”, Roe left": a
    // participle opening the sentence hangs on the main clause, whose
    // subject follows the phrase's comma (inside or outside the mark)
    if i == floor {
        let end = v.sentence(i).end;
        let comma = (i + 1..end.min(i + 40)).find(|&k| {
            v.s(k) == "," && !v.in_quote(k)
                || v.is_quote(k) && v.s(k - 1) == "," && v.in_quote(k - 1) && !v.in_quote(k + 1)
        });
        let subject = comma.and_then(|c| v.np_rightward(c + 1, end)).filter(|np| {
            let w = v.low(np.first);
            np.end > np.first
                && (v.cap(np.first)
                    || lexicon::is_determiner(&w)
                    || lexicon::is_subject_pronoun(&w))
                && v.is_word(np.end)
                && !v.cap(np.end)
        });
        if let Some(np) = subject {
            return Subject::Np(np);
        }
    }
    // "…, Roe said, adding …" / "…, said Roe, adding …": the participle
    // hangs on the attribution before it, whose speaker goes on speaking
    if i > floor + 2 && v.s(i - 1) == "," {
        let comma = i - 1;
        let attribution = (floor.max(comma.saturating_sub(8))..comma)
            .rev()
            .take_while(|&k| v.s(k) != "," && !v.in_quote(k))
            .find(|&k| {
                matches!(
                    v.cue_at(k),
                    Some(CueClass::Say | CueClass::Report | CueClass::Tell)
                ) && !lexicon::is_ing(&v.low(k))
            })
            .and_then(|k| trailing_cue_subject(v, k, floor, comma));
        if let Some((np, _)) = attribution {
            return Subject::Np(np);
        }
    }
    // "recalled his father telling him …": the object of a verb of
    // memory or hearing speaks the participle's words
    let object = |np: Range| {
        np.first > floor && {
            let p = v.low(np.first - 1);
            // "with 40 percent saying …", "with Roe telling reporters
            // …", "with the campaign saying …": an absolute phrase, whose
            // number, name or noun for people is the participle's subject
            let head = v.low(np.end - 1);
            let absolute = p == "with"
                && (v.kind(np.first) == Some(crate::text::TokenKind::Number)
                    || v.cap(np.end - 1)
                    || lexicon::is_person_noun(&head)
                    || lexicon::is_group_head(&head)
                    || lexicon::is_org_head(&head)
                    // "with a campaign ad asking …"
                    || lexicon::is_document_noun(&head));
            !absolute && lexicon::is_object_marker(&p)
                || v.verbish(np.first - 1) && !lexicon::is_aux(&p) && !lexicon::is_recall_verb(&p)
        }
    };
    if let Some(np) = outcry_clause_subject(v, i, floor) {
        return Subject::Np(np);
    }
    match v.subject_before(i, floor) {
        // "Acme put out a memo saying …": whoever issued the document
        Some(np)
            if np.end == i
                && np.end > np.first
                && lexicon::is_document_noun(&v.low(np.end - 1))
                && v.issuing_subject(np, floor).is_some() =>
        {
            v.issuing_subject(np, floor)
                .map_or(Subject::Np(np), Subject::Np)
        }
        Some(np) if np.end == i && !object(np) => Subject::Np(np),
        _ => v
            .nearest_pronoun(i, floor)
            .map_or(Subject::MainClause, Subject::Np),
    }
}

/// The subject of the clause a participle of crying out at `i` closes,
/// when that clause is a subordinate or relative one ("… at a plant where
/// some 40 strikers had gathered, chanting “…”", "… when two hecklers
/// interrupted him, shouting “…”", "an ad in which kids race a cart,
/// yelling “…”", "where his fans were seen chanting “…”"): those who act
/// in the scene the participle describes cry the words. The participle
/// follows the clause's comma or completes its passive verb; the clause
/// runs from its opener to there with no other comma, and its subject is
/// a noun for people, a name or a pronoun followed by its verb.
fn outcry_clause_subject(v: &View<'_, '_>, i: usize, floor: usize) -> Option<Range> {
    if !lexicon::is_outcry_participle(&v.low(i)) {
        return None;
    }
    let lo = floor.max(v.sentence(i).first);
    let passive = i >= lo + 2
        && lexicon::is_passive_aux(&v.low(i - 2))
        && (v.verbish(i - 1) || lexicon::is_irregular_participle(&v.low(i - 1)));
    let end = match i.checked_sub(1) {
        Some(c) if c > lo && v.s(c) == "," => c,
        _ if passive => i,
        _ => return None,
    };
    // people do the crying out: a name, a pronoun or a noun for people
    // ("after the vote ended, chanting …" is the main subject's)
    let people = |k: usize| {
        let w = v.low(k);
        v.cap(k)
            || lexicon::is_subject_pronoun(&w)
            || lexicon::is_person_noun(&w)
            || lexicon::is_group_head(&w)
            || lexicon::is_collective(&w)
            || v.plural_noun(k)
            || w.ends_with("men")
            || w == "children"
    };
    // the verb after the subject: a lowercase word, no preposition
    let verb_at = |k: usize| {
        k < end
            && v.is_word(k)
            && !v.cap(k)
            && !lexicon::is_np_preposition(&v.low(k))
            && !lexicon::is_determiner(&v.low(k))
    };
    (lo..end)
        .rev()
        .take_while(|&k| !v.in_quote(k) && !matches!(v.s(k), "," | ";" | ":" | "—" | "–"))
        .filter(|&k| {
            let w = v.low(k);
            v.is_word(k)
                && (lexicon::is_subordinator(&w)
                    || w == "where"
                    // "in which", "during which"
                    || w == "which" && k > lo && lexicon::is_np_preposition(&v.low(k - 1)))
        })
        .find_map(|opener| {
            // "where about 40 strikers had gathered": the number and its
            // approximator open the phrase; the noun scan starts after them
            let mut start = opener + 1;
            if lexicon::is_approximator(&v.low(start)) && v.is_cardinal(start + 1) {
                start += 1;
            }
            if v.is_cardinal(start) {
                start += 1;
            }
            let np = v.np_rightward(start, end)?;
            // the phrase may run on into its verb when the tagger does not
            // know the verb ("kids race a Roe toy cart"): the subject ends
            // at the first word for people that no other such word follows
            // ("Roe supporters" is one phrase)
            // ("Roe supporters" is one phrase); a determiner inside opens
            // the verb's object ("kids race a Roe toy"), past the subject
            (np.first..np.end)
                .take_while(|&k| k == np.first || !lexicon::is_determiner(&v.low(k)))
                .find(|&k| people(k) && verb_at(k + 1) && !people(k + 1))
                .map(|k| Range {
                    first: opener + 1,
                    end: k + 1,
                })
        })
}

/// The speaker of a cue word at `i` that heads a noun phrase with its
/// determiner and modifiers ("repeated a false claim that …", "reprised
/// the angry chant “…”"): the words before it are its own modifiers, not
/// its subject. A base form after a singular or possessive determiner is
/// a noun ("a claim", "his claim"); after "the" only in an object's place
/// ("reprised the loud chant", not "to win the vote acknowledge"). The
/// speaker is the subject of the verb governing the phrase, through a
/// preposition ("joined in a loud chant of"), or the main clause's for a
/// participle ("said, repeating a claim that"); a possessive determiner
/// without such a verb stands for the main clause's subject, and a phrase
/// no verb governs names nobody ("But even a vague promise that …").
/// `None` when the cue is no such noun.
pub(super) fn noun_cue_subject(v: &View<'_, '_>, i: usize, floor: usize) -> Option<Subject> {
    const MODIFIERS: usize = 2;
    let w = v.low(i);
    // a base form that may be a noun; "say" and "tell" hardly are
    let base = !(w.ends_with('s')
        || w.ends_with("ed")
        || lexicon::is_ing(&w)
        || crate::enrich::dates::lexicon::is_irregular_past(&w));
    if !base || matches!(v.cue_at(i), None | Some(CueClass::Say | CueClass::Tell)) || i <= floor {
        return None;
    }
    // a date or number modifies the noun too ("her March remark", "his
    // 2012 pledge"), capitalized or not
    let dated = |k: usize| v.is_cardinal(k) || v.is_month_or_weekday(k);
    let modifier = |k: usize| {
        let m = v.low(k);
        (v.is_word(k) || dated(k))
            && (!v.cap(k) || dated(k))
            && !v.in_quote(k)
            && !lexicon::is_determiner(&m)
            && !lexicon::is_left_barrier(&m)
            && !lexicon::is_subject_pronoun(&m)
            && !lexicon::is_object_marker(&m)
            && !(v.verbish(k) || v.irregular_past(k) || v.cue_at(k).is_some())
            && m != "to"
    };
    let mut d = i - 1;
    while d > floor && i - 1 - d < MODIFIERS && modifier(d) {
        d -= 1;
    }
    let det = v.low(d);
    let possessive = matches!(
        det.as_ref(),
        "his" | "her" | "its" | "their" | "my" | "our" | "your"
    );
    let singular = matches!(
        det.as_ref(),
        "a" | "an" | "this" | "every" | "each" | "another"
    );
    if !(possessive || singular || det == "the") {
        return None;
    }
    // "his supporters argue", "the protesters chant": a plural subject
    let last = v.low(i - 1);
    let plural = last.ends_with('s') || last.ends_with("men") || lexicon::is_group_head(&last);
    if !singular && d + 1 < i && plural {
        return None;
    }
    let verb_like = |g: usize| {
        v.verbish(g) || v.irregular_past(g) || v.cue_at(g).is_some() || lexicon::is_ing(&v.low(g))
    };
    let mut g = d.checked_sub(1).filter(|&g| g >= floor);
    if let Some(p) = g.filter(|&p| lexicon::is_np_preposition(&v.low(p)) && p > floor) {
        g = Some(p - 1);
    }
    let governor = g.filter(|&g| verb_like(g));
    if det == "the" && governor.is_none() {
        return None;
    }
    Some(match governor {
        Some(g) if lexicon::is_ing(&v.low(g)) => participle_subject(v, g, floor),
        Some(g) => v
            .subject_before(g, floor)
            .map_or(Subject::MainClause, Subject::Np),
        // a dated remark is one the possessor made at that time, whoever
        // the sentence is about ("… after her June remark that")
        None if possessive && (d + 1..i).any(dated) => Subject::Np(Range {
            first: d,
            end: d + 1,
        }),
        None if possessive => Subject::MainClause,
        None => Subject::Nobody,
    })
}

/// `X said …` for a speech verb at `i`.
fn verb(v: &View<'_, '_>, i: usize, class: CueClass, out: &mut Vec<Reported>) {
    // "spoke out that …" reports like "said that"
    let speak_out = class == CueClass::DirectOnly
        && v.low(i).starts_with("spo")
        && v.low(i + 1) == "out"
        && v.low(i + 2) == "that";
    let class = if speak_out { CueClass::Say } else { class };
    if matches!(class, CueClass::DirectOnly | CueClass::Fragment) {
        return;
    }
    let sent = v.sentence(i);
    // "a sign saying …", "banners that read …": printed words, no speaker
    let mut carrier = i;
    if carrier > sent.first + 1 && matches!(v.low(carrier - 1).as_ref(), "that" | "which") {
        carrier -= 1;
    }
    // (a lowercase noun: "New Jersey said" is a place speaking)
    if carrier > sent.first && !v.cap(carrier - 1) && lexicon::is_sign_noun(&v.low(carrier - 1)) {
        return;
    }
    // "did not say that …", "refused to concede that …": what follows
    // was not said
    if negated(v, i, sent.first) || wanted(v, i, sent.first) {
        return;
    }
    // "Asked whether she would run, Roe said …", "… when asked if he
    // would": a question put to the subject by someone unnamed, not the
    // subject's statement
    let lead_in = i == sent.first
        || i == sent.first + 1 && v.low(sent.first) == "when"
        || i > sent.first && matches!(v.low(i - 1).as_ref(), "when" | "once" | "after");
    if v.low(i) == "asked" && lead_in {
        return;
    }
    // the cue of a quotation right before it: '"…," said X' / '"…," he said'
    if i > 0
        && (v.in_quote(i - 1) || v.s(i - 1) == "," && i > 1 && v.in_quote(i - 2))
        && v.low(i + 1) != "that"
    {
        return;
    }
    // '"…," Jane Roe, R-Ohio, said' / '"…," the head of sales, Jane Roe,
    // told Radio Metro': the quotation's cue, found after it
    if i > 1 && v.s(i - 1) == "," {
        let mut k = i - 1;
        while k > sent.first && !v.in_quote(k) {
            k -= 1;
        }
        let start = k + 1 + usize::from(v.s(k + 1) == ",");
        let relative = || {
            (start + 2..i)
                .find(|&w| v.low(w) == "who")
                .and_then(|w| super::relative_subject(v, start, w, i))
                .is_some()
        };
        // a subject with appositives and no verb of its own ("Jo
        // Hale-Ruiz, an economist and tax expert,"): a name or a
        // determiner first, not a phrase continuing the quoted words
        // ("“…” about the plan, said Roe")
        let verbless = || {
            i > start + 1
                && i - start <= 24
                && (v.cap(start) || lexicon::is_determiner(&v.low(start)))
                && (start..i).all(|j| {
                    !(v.in_quote(j)
                        || v.is_terminal(j)
                        || v.verbish(j)
                        || v.irregular_past(j)
                        || v.cue_at(j).is_some()
                        || matches!(v.s(j), ";" | ":"))
                })
        };
        // the quotation opens the sentence: the words after it are the
        // cue's subject, not the rest of a clause that quotes a fragment
        let opens = (sent.first..k).all(|j| v.in_quote(j) || !v.is_word(j));
        // '"…," said Jo Roe, an aide, told Radio Metro': the quotation's
        // own inverted cue comes first (a participle after it, "…,
        // adding that …", reports words of its own)
        let own_cue = start < i && v.cue_at(start).is_some() && !lexicon::is_ing(&v.low(i));
        if v.in_quote(k)
            && (super::tagged_name_before(v, start, i).is_some()
                || own_cue
                || opens
                    && (verbless()
                        || v.subject_before(i, start)
                            .is_some_and(|np| super::role_then_name(v, start, np))
                        || relative()))
        {
            return;
        }
    }
    // passive: "It was announced that …" (no speaker), "is said to"
    let mut p = i;
    while p > sent.first
        && p + 4 > i
        && matches!(
            v.low(p - 1).as_ref(),
            "not" | "never" | "also" | "later" | "first"
        )
    {
        p -= 1;
    }
    let prev = if p > sent.first {
        v.low(p - 1)
    } else {
        "".into()
    };
    // "was said", "were told" as well as "was announced"
    let participle = v.low(i);
    let passive = lexicon::is_passive_aux(&prev)
        && (participle.ends_with("ed")
            || matches!(participle.as_ref(), "said" | "told" | "written")
            || lexicon::is_irregular_participle(&participle));
    // "…, as (first) reported by the Northfield Herald on Monday."
    if prev == "as" && v.low(i + 1) == "by" && p >= sent.first + 2 && v.s(p - 2) == "," {
        if let Some(np) = v.np_rightward(i + 2, sent.end) {
            let comma = p - 2;
            if comma > sent.first && !all_quoted(v, sent.first, comma) {
                out.push(Reported {
                    cue: Range {
                        first: i,
                        end: i + 1,
                    },
                    subject: Subject::Np(np),
                    content: Range {
                        first: sent.first,
                        end: comma,
                    },
                });
            }
        }
        return;
    }
    if passive && p >= sent.first + 2 && lexicon::is_modal(&v.low(p - 2)) {
        return;
    }
    // "…, Jane Roe, a spokeswoman for Acme, said."
    if let Some((subj, comma)) = appositive_trailing_subject(v, i, sent.first) {
        if cue_tail_end(v, i, sent.end).is_some_and(|a| a >= sent.end || v.is_terminal(a))
            && !all_quoted(v, sent.first, comma)
        {
            out.push(Reported {
                cue: Range {
                    first: i,
                    end: i + 1,
                },
                subject: Subject::Np(subj),
                content: Range {
                    first: sent.first,
                    end: comma,
                },
            });
            return;
        }
    }
    // Trailing or parenthetical cue: "…, X said." / "…, he said, …" / "…, said X."
    if let Some((subj, after)) = trailing_cue_subject(v, i, sent.first, sent.end) {
        // "…, Jan Roe, told the Ledger.": a subject between commas; the
        // content ends before it, and before the role phrase that
        // introduces the name ("…, his top aide, Jan Roe, told")
        let comma = subj_comma(v, i, subj, sent.first).map(|c| {
            let before_subject = subj.end == c && subj.first > sent.first + 1;
            if !(before_subject && v.s(subj.first - 1) == ",") {
                return c;
            }
            let c1 = subj.first - 1;
            (sent.first..c1)
                .rev()
                .take(10)
                .find(|&k| v.s(k) == ",")
                .filter(|&c0| super::role_then_name(v, c0 + 1, subj))
                .unwrap_or(c1)
        });
        if let Some(comma) = comma {
            let first = sent.first;
            // "…, she said, adding that …" / "…, he said, wiping his brow":
            // a participle after the attribution is the speaker's own
            // adjunct, not more of what was said; the content ends before
            // the attribution ("…, she said, including …" still goes on)
            let adjunct = after + 1 < sent.end
                && v.s(after) == ","
                && v.is_word(after + 1)
                && !v.cap(after + 1)
                && lexicon::is_ing(&v.low(after + 1))
                && !lexicon::is_prepositional_participle(&v.low(after + 1))
                && has_verb(v, first, comma)
                && !gerund_subject(v, after + 1, sent.end);
            if after < sent.end && v.s(after) == "," && !adjunct {
                // `X said, "…"`: the quotation after the comma is the
                // content, found with its cue before it
                if v.is_quote(after + 1) && v.in_quote(after + 1) {
                    return;
                }
                // parenthetical: the whole sentence is the content, but
                // a lead-in that is only a connective ("But, he said, …",
                // "After all, she argued, …") is no part of what was said
                let first = if super::only_connectives(v, Range { first, end: comma }) {
                    after + 1
                } else {
                    first
                };
                if !v.in_quote(first) || !v.is_quote(first) {
                    out.push(Reported {
                        cue: Range {
                            first: i,
                            end: i + 1,
                        },
                        subject: Subject::Np(subj),
                        content: Range {
                            first,
                            end: sent.end,
                        },
                    });
                }
            } else if comma > first && !all_quoted(v, first, comma) {
                out.push(Reported {
                    cue: Range {
                        first: i,
                        end: i + 1,
                    },
                    subject: Subject::Np(subj),
                    content: Range { first, end: comma },
                });
            }
            return;
        }
    }
    // Content after the verb ("said of the plan" names a topic, not content).
    if v.low(i + 1) == "of" {
        return;
    }
    let mut j = i + 1;
    if class == CueClass::Tell || (class == CueClass::Report && v.low(i).starts_with("warn")) {
        // an object: pronoun or short noun phrase
        let ow = v.low(j);
        let obj_end = if matches!(
            ow.as_ref(),
            "him" | "her" | "them" | "us" | "me" | "you" | "reporters" | "journalists"
        ) {
            Some(j + 1)
        } else {
            v.np_rightward(j, sent.end)
                .filter(|np| np.end - np.first <= 6)
                // a pronoun opens the content ("told Metro News she
                // would …"): it never continues the object
                .map(|np| {
                    (np.first + 1..np.end)
                        .find(|&k| lexicon::is_subject_pronoun(&v.low(k)))
                        .unwrap_or(np.end)
                })
        };
        // a longer object ("a meeting of island leaders") up to "that"
        let to_that = (j + 1..sent.end.min(j + 12))
            .take_while(|&k| v.is_word(k) && !v.in_quote(k) && !v.verbish(k))
            .find(|&k| v.low(k) == "that");
        let obj_end = to_that.or(obj_end);
        match obj_end {
            Some(e) if class == CueClass::Tell || v.low(e) == "that" => j = e,
            None if class == CueClass::Tell => return,
            _ => {}
        }
    }
    if (v.low(i).starts_with("point") || speak_out) && v.low(j) == "out" {
        j += 1;
    }
    // adverbials: time words, "on Tuesday", "in a statement", "at a press conference in X"
    let mut saw_that = false;
    let mut guard = 0;
    while j < sent.end && guard < 14 {
        guard += 1;
        let w = v.low(j);
        if v.in_quote(j) && !v.is_quote(j) {
            break;
        }
        // "said in a speech that night.": a determiner before a time
        // noun that closes the phrase, not a complementizer
        let that_time = matches!(
            v.low(j + 1).as_ref(),
            "morning"
                | "afternoon"
                | "evening"
                | "night"
                | "day"
                | "week"
                | "weekend"
                | "month"
                | "year"
                | "time"
        ) && (j + 2 >= sent.end || v.is_terminal(j + 2) || v.s(j + 2) == ",");
        if w == "that" && v.is_word(j) && that_time {
            j += 2;
            continue;
        }
        if w == "that" && v.is_word(j) {
            saw_that = true;
            // "the filing said that was never the plan": "that" before a
            // finite auxiliary is the content's subject, not a
            // complementizer
            if demonstrative_that(v, i, j) {
                break;
            }
            j += 1;
            if v.s(j) == "," {
                j += 1;
            }
            break;
        }
        if lexicon::is_time_word(&w) || v.kind(j) == Some(crate::text::TokenKind::Number) {
            j += 1;
            continue;
        }
        // ("said to reporters that …": the addressee of an active "said
        // to", which `View::cue_at` tells from the infinitival one)
        if matches!(
            w.as_ref(),
            "on" | "in" | "at" | "during" | "via" | "through" | "over" | "after" | "before"
        ) || w == "to" && class == CueClass::Say
        {
            // skip a prepositional phrase up to "that" if one follows shortly
            let mut k = j + 1;
            let mut found = None;
            while k < sent.end && k < j + 10 {
                if v.low(k) == "that" && v.is_word(k) {
                    found = Some(k);
                    break;
                }
                if v.s(k) == "," || v.is_quote(k) || v.is_terminal(k) {
                    break;
                }
                k += 1;
            }
            match found {
                Some(k) => {
                    j = k;
                    continue;
                }
                // "said to Roe in a hallway": an addressee with no
                // "that" after it reports no content
                None if w == "to" => break,
                None => {
                    // "said on Tuesday he …": skip preposition + one to three words
                    let mut k = j + 1;
                    while k < sent.end
                        && k < j + 4
                        && (v.cap(k)
                            || lexicon::is_determiner(&v.low(k))
                            || lexicon::is_time_word(&v.low(k)))
                    {
                        k += 1;
                    }
                    if k == j + 1 {
                        break;
                    }
                    j = k;
                    continue;
                }
            }
        }
        if w == "," && v.s(j) == "," {
            // "said, …" before a quotation (direct) or a clause
            j += 1;
            continue;
        }
        break;
    }
    if j >= sent.end {
        return;
    }
    if !saw_that {
        if v.is_terminal(j) || matches!(v.s(j), ":" | ";") || passive {
            return;
        }
        // "asked whether …": a reported question keeps its "whether"
        let question = v.low(i).starts_with("ask") && matches!(v.low(j).as_ref(), "whether" | "if");
        if lexicon::is_wh(&v.low(j)) && !question {
            return;
        }
        // "Acme said according to its figures, …"
        // ("…,” Roe said, according to the Ledger." relays the quotation:
        // no content unless a clause follows the source)
        // ("… he told aides, according to Jo Poe, his adviser, referring
        // to …" names its source and nothing more: a clause must follow)
        let lenient = class == CueClass::Say;
        let according = v.low(j) == "according"
            && v.low(j + 1) == "to"
            && (j + 2..sent.end)
                .filter(|&k| v.s(k) == "," && !v.in_quote(k))
                .any(|k| v.clause_starts(k + 1, lenient));
        let starts_quote = v.is_quote(j);
        let question_clause = question && v.clause_starts(j + 1, lenient);
        if !starts_quote && !according && !question_clause && !v.clause_starts(j, lenient) {
            // "many critics said smacked of …": verb-initial content
            // inside a relative clause ("which X said …")
            let rel = relative_before(v, i, sent.first);
            if !(rel && class == CueClass::Say && v.verbish(j)) {
                return;
            }
        }
        if starts_quote && !matches!(class, CueClass::Say | CueClass::Report) {
            return;
        }
    }
    // "Roe went on to say that", "Roe issued a warning that": the
    // subject of the verb governing the infinitive or the noun
    let governed =
        i > sent.first && (v.low(i - 1) == "to" || lexicon::is_pure_determiner(&v.low(i - 1)));
    let mut subject = if passive {
        Subject::Nobody
    } else if let Some(s) = noun_cue_subject(v, i, sent.first) {
        s
    } else if governed {
        Subject::MainClause
    } else if lexicon::is_ing(&v.low(i)) {
        participle_subject(v, i, sent.first)
    } else {
        match v.cue_subject(i, sent.first) {
            Some(np) => Subject::Np(np),
            None => Subject::MainClause,
        }
    };
    // '"We will win," Roe said at a rally before the vote': the cue of
    // the quotation before it; the words after the verb are the writer's
    // adverbials, never new content unless "that" introduces it
    // (a participle after it, "…, Roe said, adding …", "… Roe told the
    // rally, saying …", is a cue of its own and keeps its content)
    if let Subject::Np(np) = subject {
        let finite_cue = np.end <= i
            && (np.end..i).all(|k| lexicon::is_preverbal(&v.low(k)))
            && !lexicon::is_ing(&v.low(i));
        if !saw_that && finite_cue && quotation_ends_before(v, np.first, sent.first) {
            return;
        }
    }
    // "what Roe said last week", "double what Roe said she expected": a
    // free relative, whose object is "what" itself; the words after the
    // verb are no content of Roe's
    if let Subject::Np(np) = subject {
        if np.first > sent.first && matches!(v.low(np.first - 1).as_ref(), "what" | "whatever") {
            return;
        }
    }
    // a relative clause ("which many critics said smacked of …") ends at a comma
    let rel = relative_before(v, i, sent.first);
    // "After saying that …, Roe left": a participle clause fronted by a
    // subordinator ends at the comma before the main clause
    let fronted = lexicon::is_ing(&v.low(i))
        && i == sent.first + 1
        && lexicon::is_subordinator(&v.low(sent.first));
    // "While Roe said that the fee was fair, Doe …", "Although Roe says
    // costs will fall, critics …": a finite cue inside a fronted
    // subordinate clause; its content ends where the main clause starts
    // ("As Roe said, …" is a parenthetical, with no content before its
    // comma)
    let lead = if v.low(sent.first) == "even" {
        sent.first + 1
    } else {
        sent.first
    };
    let fronted_finite = !fronted
        && lead < i
        && lexicon::is_subordinator(&v.low(lead))
        && v.low(lead) != "as"
        && (lead..i).all(|k| v.s(k) != "," && !v.in_quote(k));
    let mut start = j;
    loop {
        let mut end = clause_end(v, start, sent.end, present_tense(&v.low(i)));
        if fronted_finite {
            if let Some(k) = (start + 1..end)
                .find(|&k| v.s(k) == "," && !v.in_quote(k) && main_clause_starts(v, k + 1, end))
            {
                end = k;
            }
        }
        if rel {
            let mut k = start;
            while k < end && v.s(k) != "," {
                k += 1;
            }
            end = k;
        }
        if fronted {
            if let Some(k) = (start + 1..end)
                .find(|&k| v.s(k) == "," && !v.in_quote(k) && main_clause_starts(v, k + 1, end))
            {
                end = k;
                // … and the main clause's subject is the participle's
                if let Some(np) = v.np_rightward(k + 1, sent.end) {
                    subject = Subject::Np(np);
                }
            }
        }
        // a bare content is a clause: "tweeted a photo of the bridge and
        // said …" ends before the second verb with no verb of its own
        let has_verb = || has_verb(v, start, end);
        // a quotation opening the content that runs past the sentence end
        let cut_at_cue = end < sent.end
            && (matches!(v.low(end).as_ref(), "and" | "but")
                || v.s(end) == "," && matches!(v.low(end + 1).as_ref(), "and" | "but"));
        if end > start && (saw_that || start > j || !cut_at_cue || has_verb()) {
            out.push(Reported {
                cue: Range {
                    first: i,
                    end: i + 1,
                },
                subject,
                content: Range { first: start, end },
            });
        }
        // "… and that …": a second statement with the same cue
        let mut k = end;
        while k < sent.end && k < end + 3 && matches!(v.s(k), ",") {
            k += 1;
        }
        if k + 1 < sent.end
            && matches!(v.low(k).as_ref(), "and" | "but")
            && v.low(k + 1) == "that"
            && end > start
        {
            start = k + 2;
            if v.s(start) == "," {
                start += 1;
            }
            continue;
        }
        break;
    }
}

/// Whether tokens `first..end` hold something like a finite verb (an
/// auxiliary, a past or third-person form, "said") or a quotation: a
/// clause rather than a bare phrase.
fn has_verb(v: &View<'_, '_>, first: usize, end: usize) -> bool {
    (first..end).any(|k| {
        let x = v.low(k);
        v.verbish(k)
            || v.irregular_past(k)
            || v.in_quote(k)
            || x == "said"
            || v.is_word(k) && !v.cap(k) && x.len() > 3 && x.ends_with('s') && !x.ends_with("ss")
    })
}

/// Whether the -ing word at `i` is a gerund subject ("replacing the
/// chief would be costly"): an auxiliary follows in its clause before a
/// complementizer, a quotation or a comma. An adjunct ("adding that it
/// was late", "wiping his brow") has none of its own.
fn gerund_subject(v: &View<'_, '_>, i: usize, ceil: usize) -> bool {
    (i + 1..ceil.min(i + 10))
        .take_while(|&k| {
            v.is_word(k) && !v.in_quote(k) && !matches!(v.low(k).as_ref(), "that" | "who" | "which")
        })
        .any(|k| lexicon::is_aux(&v.low(k)))
}

/// Whether a main clause opens at `k`: a clause by [`View::clause_starts`],
/// or a noun phrase (a name, a determiner, a pronoun first) whose verb
/// follows within a few words ("the man ended up …", "his team is …").
fn main_clause_starts(v: &View<'_, '_>, k: usize, ceil: usize) -> bool {
    const REACH: usize = 6;
    if v.clause_starts(k, false) {
        return true;
    }
    let w = v.low(k);
    let np_first = v.cap(k) || lexicon::is_determiner(&w) || lexicon::is_subject_pronoun(&w);
    np_first
        && (k + 1..ceil.min(k + REACH))
            .take_while(|&j| v.is_word(j) || v.s(j) == ".")
            .any(|j| v.verbish(j) || v.irregular_past(j) || lexicon::is_aux(&v.low(j)))
}

/// Whether the speech verb at `i` is negated or refused ("did not say",
/// "never explicitly said", "declined to say", "refusing to concede"):
/// the sentence reports that something was not said. "not only said"
/// is not negated.
fn negated(v: &View<'_, '_>, i: usize, floor: usize) -> bool {
    let mut k = i;
    // adverbs between: "did not explicitly say", "never actually said"
    while k > floor && k + 4 > i {
        let w = v.low(k - 1);
        let adverb = v.is_word(k - 1)
            && !v.cap(k - 1)
            && (w.len() > 4 && w.ends_with("ly") || matches!(w.as_ref(), "even" | "ever" | "yet"));
        if !adverb {
            break;
        }
        k -= 1;
    }
    if k <= floor {
        return false;
    }
    let w = v.low(k - 1);
    lexicon::is_negator(&w)
        // "refused to say", "declined to publicly confirm"
        || w == "to" && k >= floor + 2 && lexicon::is_refusal_verb(&v.low(k - 2))
}

/// Whether the speech verb at `i` is only asked for, hoped for or
/// imagined: "dared Roe to say …", "urged the mayor to declare …", "I
/// hope the council says …", "she expects voters will say …", "one might
/// say …". ("went on to say" reports what was said.)
fn wanted(v: &View<'_, '_>, i: usize, floor: usize) -> bool {
    if i >= floor + 2 && v.low(i - 1) == "to" {
        // the directive verb, then an object of at most a few words
        // ("asked to say" without one is the same request); "want" needs
        // its object: "I want to say that …" is the speaker's own
        let to = i - 1;
        return (to.saturating_sub(6).max(floor)..to).rev().any(|k| {
            let w = v.low(k);
            lexicon::is_directive_verb(&w)
                && (k + 1 < to || !w.starts_with("want"))
                && (k + 1..to).all(|o| v.is_word(o) && !v.in_quote(o) && v.cue_at(o).is_none())
        });
    }
    // "one might say …", "the mayor should say …": speech only imagined
    // or called for ("would say" reports a past habit, "could not say" a
    // refusal: neither is here)
    if i > floor && matches!(v.low(i - 1).as_ref(), "might" | "should") {
        return true;
    }
    let Some(np) = v.subject_before(i, floor) else {
        return false;
    };
    let mut k = np.first;
    if k > floor && v.low(k - 1) == "that" {
        k -= 1;
    }
    k > floor && lexicon::is_wish_verb(&v.low(k - 1))
}

/// Whether the subject of the verb at `i` sits in a relative clause
/// ("…, which many critics said …").
fn relative_before(v: &View<'_, '_>, i: usize, floor: usize) -> bool {
    let Some(np) = v.subject_before(i, floor) else {
        return false;
    };
    if np.first <= floor {
        return false;
    }
    let w = v.low(np.first - 1);
    // "that" after a verb is its complementizer ("the Ledger reported
    // that someone close to her said …"), no relative pronoun
    let complementizer = w == "that"
        && np.first >= 2
        && (v.cue_at(np.first - 2).is_some() && !lexicon::is_nouny_form(&v.low(np.first - 2))
            || v.verbish(np.first - 2)
            || v.irregular_past(np.first - 2));
    matches!(w.as_ref(), "which" | "who" | "that") && !complementizer
}

fn all_quoted(v: &View<'_, '_>, first: usize, end: usize) -> bool {
    (first..end).all(|k| v.in_quote(k) || v.s(k) == ",")
}

/// For a verb at `i` that closes its clause (followed by `,` or the sentence
/// end, possibly after time words), the speaker phrase and the token after
/// the cue group. Covers "…, X said." and "…, said X.".
fn trailing_cue_subject(
    v: &View<'_, '_>,
    i: usize,
    floor: usize,
    ceil: usize,
) -> Option<(Range, usize)> {
    // inverted: ", said X ." — X then end; never after a *tell* verb,
    // whose noun phrase is the addressee ("…, Jan Roe, told Radio Metro.")
    // (a participle, "…, telling supporters …", keeps to the main clause)
    let addressee = v.cue_at(i) == Some(CueClass::Tell) && !lexicon::is_ing(&v.low(i));
    if i > floor && v.s(i - 1) == "," && !addressee {
        // the content before the comma says something: a name and its
        // tags alone ("Jane Roe, R-Ohio, says …") are the subject
        if !(floor..i - 1).any(|k| v.is_word(k) && !v.cap(k) && !v.in_quote(k))
            && !v.in_quote(floor)
        {
            return None;
        }
        let np = v.np_rightward(i + 1, ceil)?;
        let w = v.low(np.first);
        if !(v.cap(np.first) || lexicon::is_determiner(&w) || lexicon::is_subject_pronoun(&w)) {
            return None;
        }
        // "…, R-Ohio, said Tuesday.": a day is no speaker
        if np.end == np.first + 1 && lexicon::is_time_word(&w) {
            return None;
        }
        if !matches!(v.cue_at(i), Some(CueClass::Say)) && !v.cap(np.end - 1) {
            return None;
        }
        let mut after = np.end;
        if v.s(after) == "," {
            // appositive ", the chief …" up to the end
            let mut k = after + 1;
            while k < ceil && k < after + 24 && !v.is_terminal(k) && !v.is_quote(k) {
                k += 1;
            }
            after = k;
        }
        if after >= ceil || v.is_terminal(after) {
            return Some((np, after));
        }
        return None;
    }
    let after = cue_tail_end(v, i, ceil)?;
    let np = v.subject_before(i, floor)?;
    Some((np, after))
}

/// The end of a short tail closing a trailing cue clause ("said.", "said
/// Tuesday.", "said on Monday,", "said in a statement.", "told
/// reporters on Monday."): time words, numbers, a prepositional phrase
/// and, after a *tell* verb, its object, up to the sentence end or a comma.
fn cue_tail_end(v: &View<'_, '_>, i: usize, ceil: usize) -> Option<usize> {
    let tell = v.cue_at(i) == Some(CueClass::Tell);
    let mut k = i + 1;
    let mut prep = false;
    while k < ceil && k < i + 9 {
        if v.is_terminal(k) || v.s(k) == "," {
            break;
        }
        let w = v.low(k);
        let plain = v.is_plain_tail_word(k);
        let time = lexicon::is_time_word(&w) || v.kind(k) == Some(crate::text::TokenKind::Number);
        let opens_pp = lexicon::opens_cue_phrase(&w);
        // past the first word, only a prepositional phrase or a told
        // object may go on ("said Jane" is no tail)
        if !(time || opens_pp && plain || (prep || tell) && plain) {
            return None;
        }
        prep |= opens_pp;
        k += 1;
    }
    (k >= ceil || v.is_terminal(k) || v.s(k) == ",").then_some(k)
}

/// `…, Jane Roe, a spokeswoman for Acme, said.`: the name before an
/// appositive (or a relative clause, "who heads the union") closing the
/// sentence with its cue. Returns the name and the comma ending the content.
fn appositive_trailing_subject(v: &View<'_, '_>, i: usize, floor: usize) -> Option<(Range, usize)> {
    let c2 = i.checked_sub(1).filter(|&c| c > floor && v.s(c) == ",")?;
    let mut c1 = c2;
    while c1 > floor && c2 - c1 < 16 {
        c1 -= 1;
        if v.s(c1) == "," {
            break;
        }
        if v.is_terminal(c1) || v.in_quote(c1) || v.cue_at(c1).is_some() {
            return None;
        }
    }
    if v.s(c1) != "," || c1 + 1 >= c2 {
        return None;
    }
    // the appositive opens with an article, a possessive or "who"
    let a = v.low(c1 + 1);
    if !(lexicon::is_determiner(&a) || matches!(a.as_ref(), "who" | "his" | "her")) {
        return None;
    }
    let end = c1;
    let mut first = end;
    while first > floor && end - first < 5 && (v.cap(first - 1) || v.s(first - 1) == ".") {
        first -= 1;
    }
    if first == end || !v.cap(first) || first <= floor + 1 || v.s(first - 1) != "," {
        return None;
    }
    // the content before says something: a lowercase word outside quotes
    if !(floor..first - 1).any(|k| v.is_word(k) && !v.cap(k) && !v.in_quote(k)) {
        return None;
    }
    Some((Range { first, end }, first - 1))
}

/// The comma that separates content from a trailing cue whose subject is
/// `subj` (for "…, said X." the comma before the verb).
fn subj_comma(v: &View<'_, '_>, i: usize, subj: Range, floor: usize) -> Option<usize> {
    if i > floor && v.s(i - 1) == "," {
        return Some(i - 1);
    }
    let mut k = subj.first;
    while k > floor && k + 6 > subj.first && lexicon::is_preverbal(&v.low(k - 1)) {
        k -= 1;
    }
    (k > floor && v.s(k - 1) == ",").then(|| k - 1)
}

/// If a trailing cue (", X said." / ", said X.") starts at `j`, its verb index.
fn trailing_cue_at(v: &View<'_, '_>, j: usize, ceil: usize) -> Option<usize> {
    let mut k = j;
    while k < ceil && k < j + 8 {
        if v.is_terminal(k) || v.is_quote(k) || v.s(k) == "," && k > j {
            return None;
        }
        if let Some(c) = v.cue_at(k) {
            if matches!(c, CueClass::Say | CueClass::Report | CueClass::Tell) {
                let mut a = k + 1;
                if k == j {
                    let np = v.np_rightward(k + 1, ceil)?;
                    if !(v.cap(np.first) || lexicon::is_determiner(&v.low(np.first))) {
                        return None;
                    }
                    a = np.end;
                } else if v.subject_before(k, j).is_none_or(|np| np.first != j) {
                    return None;
                }
                while a < ceil && a < k + 8 && lexicon::is_time_word(&v.low(a)) {
                    a += 1;
                }
                if a >= ceil || v.is_terminal(a) {
                    return Some(k);
                }
                return None;
            }
        }
        k += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::tests::texts;

    #[test]
    fn after_a_present_tense_cue_a_simple_past_after_and_is_content() {
        let body = "Jane Roe says the mayor received the grant, and spent it on roads. \
                    Tom Poe says the levy is fair, and has pushed it for years. \
                    Ana Ruiz said the levy was fair, and thanked her staff.";
        assert_eq!(
            texts(body),
            vec![
                "the mayor received the grant, and spent it on roads",
                "the levy is fair",
                "the levy was fair"
            ]
        );
    }

    #[test]
    fn the_speakers_refusal_or_next_speech_act_is_no_part_of_the_content() {
        let body = "Jane Roe said the bridge would reopen in May but declined to give a date. \
                    Tom Poe said the levy would rise but did not say by how much. \
                    Ana Ruiz said the school would close, recalling the floods of her youth.";
        assert_eq!(
            texts(body),
            vec![
                "the bridge would reopen in May",
                "the levy would rise",
                "the school would close"
            ]
        );
        // the content's own participle and its own "but" clause stay in
        let body = "Jane Roe said the mill had closed, leaving forty people without work. \
                    Tom Poe said the road was old but the bridge was new.";
        assert_eq!(
            texts(body),
            vec![
                "the mill had closed, leaving forty people without work",
                "the road was old but the bridge was new"
            ]
        );
    }

    #[test]
    fn a_participle_opening_the_sentence_takes_the_main_clauses_subject() {
        let body = "Ada Quill spoke on Monday. \
                    Recalling “the cost of fuel and feed last winter,” the Harlow Growers Union \
                    asked for relief.";
        let qs = super::super::tests::run(body);
        let q = super::super::tests::containing(&qs, "cost of fuel");
        assert_eq!(super::super::tests::speaker(q).0, "Harlow Growers Union");
    }

    #[test]
    fn a_relative_clause_content_ends_where_the_main_verb_resumes() {
        let body = "Jane Roe, who once wrote that the mayor was unfit, \
                    said on Monday that he had not read the plan.";
        let texts = texts(body);
        assert_eq!(
            texts,
            vec!["the mayor was unfit", "he had not read the plan"],
            "{texts:?}"
        );
    }

    #[test]
    fn a_connective_alone_is_no_statement_and_no_part_of_one() {
        let body = "The vote is near. But, she said, it is risky to wait. \
                    “But,” Jane Roe said, “the levy is fair.” \
                    That said, she added, the town must wait. \
                    Now, according to Jane Roe, the town is safe. \
                    After all, Roe argued, the bridge is old.";
        assert_eq!(
            texts(body),
            vec![
                "it is risky to wait",
                "the levy is fair.",
                "the town must wait",
                "the town is safe",
                "the bridge is old"
            ]
        );
        // a subject whose verb follows the source takes the whole clause
        let body = "Turnout, according to Jane Roe, has doubled since May.";
        assert_eq!(
            texts(body),
            vec!["Turnout, according to Jane Roe, has doubled since May"]
        );
        // a lead-in that says something stays
        let body = "Voters, Jane Roe said, do not care.";
        assert_eq!(texts(body), vec!["Voters, Jane Roe said, do not care"]);
    }

    #[test]
    fn polls_data_and_inferences_are_no_statements() {
        let body = "According to a new poll of state voters, Jane Roe leads by five points. \
                    Early results of exit polls showed that voters were angry. \
                    The latest survey indicates that turnout will rise. \
                    The council's memo suggests that the mayor knew of the leak. \
                    The figures indicate that the levy fell. \
                    Some party figures said that the levy was too high. \
                    There is no evidence to suggest that the bridge is unsafe. \
                    Sixty percent of voters in the poll said they backed the levy.";
        assert_eq!(texts(body), vec!["the levy was too high"]);
        // a memo that says something, and a person who suggests it, speak
        let body = "The council's memo says that the mayor knew of the leak. \
                    Jane Roe suggested that the levy was too high.";
        assert_eq!(
            texts(body),
            vec!["the mayor knew of the leak", "the levy was too high"]
        );
    }

    #[test]
    fn reported_content_ends_before_the_speakers_next_verb() {
        let body = "Jane Roe said the levy was fair, and reminded the crowd of the floods. \
                    Roe said the town had grown, and then thanked her staff.";
        assert_eq!(texts(body), vec!["the levy was fair", "the town had grown"]);
        // a verb with its own subject after ", and" is still content
        let body = "Jane Roe said the levy was fair, and the bridge needed work.";
        assert_eq!(
            texts(body),
            vec!["the levy was fair, and the bridge needed work"]
        );
        // and so is a passive participle with its agent
        let body = "Jane Roe said the letter was sent to her home, and opened by her aide.";
        assert_eq!(
            texts(body),
            vec!["the letter was sent to her home, and opened by her aide"]
        );
    }

    #[test]
    fn a_second_speech_verb_of_the_speaker_starts_a_second_statement() {
        let body = "Jane Roe said the levy was fair and added that the bridge would close. \
                    Tom Poe says the port is busy and says he will hire more staff. \
                    Ann Lee said it was too soon to tell but added, “We are hopeful.”";
        assert_eq!(
            texts(body),
            vec![
                "the levy was fair",
                "the bridge would close",
                "the port is busy",
                "he will hire more staff",
                "it was too soon to tell",
                "We are hopeful."
            ]
        );
        // a bare infinitive under another verb is no second predicate: the
        // first content runs on past it
        let body = "Jane Roe said she had her aide call the clerk and tell him the vote was off.";
        let got = texts(body);
        assert_eq!(
            got.first().map(String::as_str),
            Some("she had her aide call the clerk and tell him the vote was off"),
            "{got:?}"
        );
        // the object of the first verb, cut off by the second, is no statement
        let body = "Tom Poe posted a photo of the flooded road and said the town was cut off.";
        assert_eq!(texts(body), vec!["the town was cut off"]);
    }

    #[test]
    fn what_a_speaker_said_is_an_object_not_a_content() {
        let body = "The bill came to twice what Jane Roe said she expected. \
                    If you read what Roe said last week, the plan is dead.";
        assert!(texts(body).is_empty(), "{:?}", texts(body));
    }

    #[test]
    fn it_before_a_preposition_or_article_is_the_verbs_object() {
        let body = "The clerk found the letter and reported it to the police. \
                    Jane Roe vowed to declare it a disaster zone. \
                    Roe said it in a speech last year.";
        assert!(texts(body).is_empty(), "{:?}", texts(body));
        // "it" as a subject still opens a content
        let body = "Jane Roe said it was time to rebuild the bridge.";
        assert_eq!(texts(body), vec!["it was time to rebuild the bridge"]);
    }

    #[test]
    fn a_source_relaying_a_quotation_makes_no_statement_of_its_own() {
        let body = "“We will rebuild the bridge,” Jane Roe said, according to the Ledger. \
                    “It will take a year.”\n\n\
                    “The levy is fair,” Tom Poe told the council, according to a transcript.";
        let got = super::super::tests::run(body);
        let said: Vec<&str> = got.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(
            said,
            vec![
                "We will rebuild the bridge,",
                "It will take a year.",
                "The levy is fair,"
            ]
        );
        assert!(got
            .iter()
            .all(|q| q.kind == crate::event::QuoteKind::Direct));
        // a reported clause with no cue of its own is still the source's
        let body = "The bridge will close in May, according to the Ledger.";
        assert_eq!(texts(body), vec!["The bridge will close in May"]);
    }

    #[test]
    fn a_speech_noun_after_a_preposition_or_number_is_no_cue() {
        let body = "Jane Roe will campaign in states that vote in March. \
                    Voters from states that Roe won are upset. \
                    The city paid a 1990 claim over land that was never sold.";
        assert!(texts(body).is_empty(), "{:?}", texts(body));
        // the verb after a subject still reports
        let body = "The memo states that the levy will rise in March.";
        assert_eq!(texts(body), vec!["the levy will rise in March"]);
    }

    #[test]
    fn a_dateline_is_no_part_of_the_content() {
        let body = "NORTHFIELD, Ohio (AP) — The bridge will close in May, the mayor said.\n\n\
                    LAKEVILLE - The levy passed, officials said.\n\n\
                    Jane Roe (R-Ohio) will run again, her aide said.";
        assert_eq!(
            texts(body),
            vec![
                "The bridge will close in May",
                "The levy passed",
                "Jane Roe (R-Ohio) will run again"
            ]
        );
    }

    #[test]
    fn a_question_put_to_the_speaker_is_not_theirs() {
        let body = "Asked whether she would run, Jane Roe said she had not decided. \
                    Roe smiled when asked if the levy would pass.";
        assert_eq!(texts(body), vec!["she had not decided"]);
        // the asker's own question stays
        let body = "Jane Roe asked whether the levy would pass.";
        assert_eq!(texts(body), vec!["whether the levy would pass"]);
    }

    #[test]
    fn negated_or_refused_speech_is_no_statement() {
        let body = "Jane Roe did not say that the bridge would close. \
                    Roe never explicitly admitted that the plan had failed. \
                    Roe refused to concede that the levy was too high. \
                    Her aide declined to confirm that Roe would run. \
                    Roe didn't say the vote was rigged.";
        assert!(texts(body).is_empty(), "{:?}", texts(body));
        // "not only" adds, it does not negate
        let body = "Jane Roe not only said that the bridge would close.";
        assert_eq!(texts(body), vec!["the bridge would close"]);
    }

    #[test]
    fn the_writers_gloss_after_the_content_is_no_part_of_it() {
        let body = "Jane Roe said the levy would rise, an admission that her rivals seized on. \
                    Tom Poe said the bridge was safe, a claim which engineers dispute.";
        assert_eq!(
            texts(body),
            vec!["the levy would rise", "the bridge was safe"]
        );
    }

    #[test]
    fn speech_asked_dared_or_hoped_for_is_no_statement() {
        let body = "Critics dared Jane Roe to say that the levy was fair. \
                    Tom Poe asked the mayor to declare that the bridge was safe. \
                    Ana Ruiz urged her rivals to admit the plan had failed. \
                    I hope the council says the school will stay open. \
                    Lea Moss presses the board to say the pool will reopen.";
        assert!(texts(body).is_empty(), "{:?}", texts(body));
        // a speaker who goes on to say something does say it
        let body = "Jane Roe went on to say that the levy was fair.";
        assert_eq!(texts(body), vec!["the levy was fair"]);
    }

    #[test]
    fn a_participle_after_the_cue_and_a_comma_is_no_content_of_the_cue() {
        let body = "\"We will hold the seat,\" Roe said, citing the cost of fuel and the polls. \
                    Roe said on Monday, citing the late hour. \
                    “It needs some help,” Ana Ruiz said, adding the help should be small.";
        assert_eq!(
            texts(body),
            vec![
                "We will hold the seat,",
                "It needs some help,",
                "the help should be small"
            ]
        );
        // a prepositional participle goes on with the content
        let body = "The Ledger reported that, according to its own count, the levy had failed.";
        let found = texts(body);
        assert!(
            found.contains(&"according to its own count, the levy had failed".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn a_coordinated_attribution_of_another_speaker_ends_the_content() {
        let body = "Jane Roe said the ferry was slow and Tom Poe warned that fares would climb. \
                    Acme estimates that orders will grow; the state's own revenue office \
                    estimates a dip.";
        let found = texts(body);
        assert_eq!(found[0], "the ferry was slow", "{found:?}");
        assert!(
            found.contains(&"fares would climb".to_string()),
            "{found:?}"
        );
        assert!(found.contains(&"orders will grow".to_string()), "{found:?}");
        let body = "Jane Roe said the ferry was slow, and Tom Poe, the port's director, \
                    said the fleet was old.";
        assert_eq!(texts(body), vec!["the ferry was slow", "the fleet was old"]);
        // one speaker's two predicates stay one content, and so does a
        // compound subject with no verb before "and"
        let body = "Jane Roe said the ferry was slow and would cost more. \
                    Ann Lee said the mayor and the board agreed that fares would climb.";
        assert_eq!(
            texts(body),
            vec![
                "the ferry was slow and would cost more",
                "the mayor and the board agreed that fares would climb"
            ]
        );
        // an adverb after "and" opens a second verb of the same clause
        let body = "Jane Roe said they heard of the leak on Monday and almost at once \
                    reported it to the regulator.";
        assert_eq!(
            texts(body),
            vec![
                "they heard of the leak on Monday and almost at once reported it to the regulator"
            ]
        );
    }

    #[test]
    fn the_speakers_next_speech_act_or_the_writers_comparison_ends_the_content() {
        let body =
            "Jane Roe said she would back the levy, while stressing that it was no endorsement. \
                    Tom Poe said he opposed the dam, as has the county board.";
        let found = texts(body);
        assert_eq!(found[0], "she would back the levy", "{found:?}");
        assert!(
            found.contains(&"he opposed the dam".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn a_content_in_a_fronted_subordinate_clause_ends_at_the_main_clause() {
        let body = "While Jane Roe said that the toll was fair, her deputy stayed silent. \
                    Although Tom Poe says the dam will hold, engineers are worried.";
        assert_eq!(texts(body), vec!["the toll was fair", "the dam will hold"]);
    }

    #[test]
    fn the_writers_frame_of_a_question_put_to_the_speaker_ends_the_content() {
        let body = "Jane Roe said tenants are not covered, and when pressed on why, \
                    she changed the subject. Tom Poe said the vault was empty \
                    when he was asked about the audit.";
        assert_eq!(
            texts(body),
            vec!["tenants are not covered", "the vault was empty"]
        );
        // "when asked" closing a promise is the promise's own condition
        let body = "Jane Roe said she would testify when asked.";
        assert_eq!(texts(body), vec!["she would testify when asked"]);
    }

    #[test]
    fn that_before_a_finite_auxiliary_is_the_contents_subject() {
        let body = "Her agent's letter said that was never the plan. \
                    Tom Poe said that the levy was fair.";
        assert_eq!(
            texts(body),
            vec!["that was never the plan", "the levy was fair"]
        );
    }

    #[test]
    fn the_words_after_the_cue_of_a_quotation_are_no_new_content() {
        let body = "“We will hold the line,” Jane Roe said at a rally Monday before the count. \
                    “It was a long year,” she said several weeks after her return, \
                    and she moved to Leeds. \
                    “We are ready,” Tom Poe said, and the crowd cheered.";
        let found = texts(body);
        assert_eq!(
            found,
            vec![
                "We will hold the line,",
                "It was a long year,",
                "We are ready,"
            ],
            "{found:?}"
        );
        // "that" after such a cue introduces words of the speaker's own
        let body = "“We are ready,” Tom Poe said on Friday, and added that the team would travel.";
        let found = texts(body);
        assert!(
            found.contains(&"the team would travel".to_string()),
            "{found:?}"
        );
    }
}
