//! Quotes stage: direct, reported and mixed speech with resolved speakers.
//!
//! Pipeline over the shared tokens (no rescanning of the raw string):
//! 1. [`marks`] pairs quotation marks in one linear pass (nesting, curly and
//!    straight styles, apostrophes, multi-paragraph quotes);
//! 2. [`reported`] finds reported speech around speech cues ([`lexicon`])
//!    outside quotations; a reported content that is exactly one quotation
//!    hands its cue to that quotation (`said: "…"`), one that contains
//!    quotations becomes `mixed` and absorbs them;
//! 3. every remaining outermost quotation looks for its cue after it
//!    (`"…," he said`, `"…" said X`) or before it in its sentence (`X said,
//!    "…"`, `described as "…"`); a quotation without a cue continues the
//!    previous speaker when it is a full statement, and is a scare quote
//!    (dropped) when it is a fragment of one to three words; a quotation
//!    nested in a direct one whose speaker is an outlet, a document or
//!    nobody named (an excerpt) is a statement of its own when a cue and
//!    its subject inside the excerpt give it a speaker (`The Ledger
//!    reported: "Mayor Roe told reporters, 'No new levy,' and left."`, a
//!    quoted headline `"Roe: 'No New Levy'"`); inside a person's own words
//!    it stays part of them;
//! 4. [`speaker`] resolves the noun phrase at each cue to the mention
//!    nearest the cue and a canonical name, in body order so pronouns see
//!    the speakers before them.
//!
//! Gold conventions followed (`shared/eval/README.md`): direct content
//! excludes the marks but keeps punctuation inside them (`elections,`);
//! reported content excludes the final period; quotes split around a cue are
//! separate statements; a quote reopened in a new paragraph is a new one.

mod choice;
mod labels;
pub(crate) mod lexicon;
mod marks;
mod phrase;
mod reported;
mod speaker;

#[cfg(test)]
mod tests;

use super::{Document, Enrichment, Stage};
use crate::event::{Cue, DateMention, DateType, Entity, EntityType, Quote, QuoteKind};
use crate::text::Text;
use lexicon::CueClass;
use marks::Quoted;
use phrase::{Range, View};
use reported::Subject;
use speaker::Resolver;

/// A statement before its speaker is resolved.
#[derive(Clone, Debug)]
struct Candidate {
    /// Direct, indirect or mixed.
    kind: QuoteKind,
    /// Content tokens (already trimmed).
    content: Range,
    /// The cue tokens.
    cue: Option<Range>,
    /// Where the speaker is.
    who: Who,
    /// The writer's clause carrying a quoted fragment ("called the plan
    /// “a costly mistake”"): what an alert shows for it.
    clause: Option<Range>,
}

/// Speaker source of a candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    /// From the cue's subject.
    Subject(Subject),
    /// Same as the statement before (a quotation continuing without a cue).
    Previous,
    /// Same speaker as the candidate at this index.
    SameAs(usize),
}

/// Find every statement in `text`; speakers resolve to `entities`.
pub fn extract(text: &Text<'_>, entities: &[Entity]) -> Vec<Quote> {
    extract_with_dates(text, entities, &[])
}

/// [`extract`], with the article's `dates` giving each quote its `said_at`.
pub fn extract_with_dates(
    text: &Text<'_>,
    entities: &[Entity],
    dates: &[DateMention],
) -> Vec<Quote> {
    let n = text.tokens().len();
    if n == 0 {
        return Vec::new();
    }
    let all = marks::pair(text);
    let mut v = View {
        text,
        quoted: Vec::new(),
        title_line_end: 0,
    };
    v.title_line_end = title_line_end(&v);
    let outer: Vec<Quoted> = all
        .iter()
        .filter(|q| q.depth == 0 && !is_nickname(&v, q))
        .copied()
        .collect();
    // quotations one level down: words an excerpt itself quotes
    let nested: Vec<Quoted> = all.iter().filter(|q| q.depth == 1).copied().collect();
    let mut quoted = vec![false; n];
    for q in &outer {
        for slot in quoted.iter_mut().take(q.after().min(n)).skip(q.open) {
            *slot = true;
        }
    }
    v.quoted = quoted;

    let mut cands: Vec<Candidate> = Vec::new();
    let mut consumed = vec![false; outer.len()];
    // a headline's quotation marks repeat what the text reports: they
    // make a statement only with a speaker of their own ("Roe: “…”",
    // "Roe Calls Plan “…”"), never one continuing nobody
    let head_end = headline_end(&v);
    let mut assigned: Vec<Option<(Range, Subject)>> = vec![None; outer.len()];

    // "Name: …" opening a paragraph (a transcript turn, a headline
    // "Roe: City must act"): the rest of the paragraph is the person's
    for (name, content) in colon_turns(&v, entities) {
        // the content was trimmed inside an opening mark: quotations
        // ending before it are outside
        let lo = outer.partition_point(|q| q.after() <= content.first);
        let hi = outer.partition_point(|q| q.open < content.end);
        if hi == lo + 1 && outer[lo].open <= content.first && outer[lo].after() >= content.end {
            if assigned[lo].is_none() {
                assigned[lo] = Some((NO_CUE, Subject::Np(name)));
            }
            continue;
        }
        let mut kind = QuoteKind::Indirect;
        for slot in &mut consumed[lo..hi] {
            *slot = true;
            kind = QuoteKind::Mixed;
        }
        cands.push(Candidate {
            kind,
            content,
            cue: None,
            who: Who::Subject(Subject::Np(name)),
            clause: None,
        });
    }

    // Reported speech (and cues handed to whole quotations).
    for r in reported::find(&v) {
        let (first, end) = (r.content.first, r.content.end);
        let lo = outer.partition_point(|q| q.open < first);
        let hi = outer.partition_point(|q| q.open < end);
        let inner = lo..hi;
        if inner.len() == 1 && outer[lo].open == first {
            let q = outer[lo];
            let rest_is_punct = (q.after()..end).all(|k| !v.is_word(k));
            if rest_is_punct || q.close.is_none() {
                if assigned[lo].is_none() {
                    assigned[lo] = Some((r.cue, r.subject));
                }
                continue;
            }
        }
        let mut kind = QuoteKind::Indirect;
        for qi in inner {
            consumed[qi] = true;
            kind = QuoteKind::Mixed;
        }
        let Some(content) = trim_reported(&v, first, end) else {
            continue;
        };
        // reported speech is a clause: one word ("…, according to the
        // poll, now") or a bare connective is no statement
        let words = (content.first..content.end)
            .filter(|&k| v.is_word(k))
            .count();
        if kind == QuoteKind::Indirect && words < 2 || only_connectives(&v, content) {
            continue;
        }
        let content = after_lead_connective(&v, content);
        if let Some(c) = cands
            .iter_mut()
            .find(|c| c.content == content && c.kind != QuoteKind::Direct)
        {
            let dist =
                |cue: Option<Range>| cue.map_or(usize::MAX, |r| content.first.abs_diff(r.first));
            if dist(Some(r.cue)) < dist(c.cue) {
                c.cue = Some(r.cue);
                c.who = Who::Subject(r.subject);
            }
            continue;
        }
        cands.push(Candidate {
            kind,
            content,
            cue: Some(r.cue),
            who: Who::Subject(r.subject),
            clause: None,
        });
    }

    // "Aides said they back it, the paper reported": the statement is the
    // aides', found at their verb; the later cue takes no lead-in
    let cue_starts: Vec<usize> = cands
        .iter()
        .filter_map(|c| c.cue.map(|r| r.first))
        .collect();
    cands.retain(|c| {
        !c.cue
            .is_some_and(|cue| reported::swallows_lead_in(&v, c.content, cue, &cue_starts))
    });

    // Direct quotations.
    // (outer index, candidate index) of every direct quotation
    let mut directs: Vec<(usize, usize)> = Vec::new();
    // outer index of every quotation read as a title or label
    let mut titles: Vec<usize> = Vec::new();
    let mut prev_direct: Option<(usize, usize)> = None; // (outer index, candidate index)
    let mut last_label: Option<Quoted> = None;
    for (qi, q) in outer.iter().enumerate() {
        if consumed[qi] || q.first >= q.end {
            continue;
        }
        let transcript = transcript_speaker(&v, q);
        // a transcript turn's content starts after "NAME:"
        let content = Range {
            first: match transcript {
                Some((_, Who::Subject(Subject::Np(name)))) => name.end + 1,
                _ => q.first,
            },
            end: q.end,
        };
        let words = (q.first..q.end).filter(|&k| v.is_word(k)).count();
        // a title or a label ("a film called “…”"), unless a cue was
        // handed to the quotation whole ("said: “…”")
        // "“But,” she said, “…”": a connective alone says nothing
        if words == 0 || only_connectives(&v, content) {
            continue;
        }
        // a sign "saying" its slogan hands the quotation a cue, but a
        // sign is no speaker
        if assigned[qi].is_none()
            && (labels::is_label(&v, q)
                || last_label.is_some_and(|p| labels::listed_after_label(&v, &p, q)))
            || labels::on_a_sign(&v, q)
            || labels::titled_work(&v, q)
        {
            last_label = Some(*q);
            titles.push(qi);
            continue;
        }
        let ends_punct =
            q.end > q.first && matches!(v.s(q.end - 1), "." | "," | "!" | "?" | "…" | ":");
        let fragment = words <= 3 && !ends_punct || words <= 2;

        // a fragment listed right after an attributed one: "called it "x", and "y""
        let shared = prev_direct.and_then(|(pq, pc)| {
            let p = outer[pq];
            let gap_ok = p.close.is_some()
                && (p.after()..q.open).all(|k| matches!(v.low(k).as_ref(), "," | "and" | "or"))
                && q.open > p.after()
                && fragment;
            gap_ok.then_some(pc)
        });
        // a headline's short quotation before the noun it modifies
        // ('Mayor Slams “Reckless” Plan') marks the writer's word, not a
        // speaker's: a complement ('Calls Plan “Reckless”') may be one
        let modifier = q.open < v.title_line_end
            && fragment
            && !ends_punct
            && q.close.is_some_and(|c| {
                c + 1 < v.title_line_end
                    && v.is_word(c + 1)
                    && !matches!(
                        v.low(c + 1).as_ref(),
                        "and"
                            | "but"
                            | "or"
                            | "as"
                            | "after"
                            | "before"
                            | "in"
                            | "on"
                            | "at"
                            | "for"
                            | "to"
                            | "over"
                            | "amid"
                            | "with"
                            | "while"
                    )
            });
        if modifier {
            continue;
        }
        let found = if let Some((cue, subject)) = assigned[qi] {
            Some((cue, Who::Subject(subject)))
        } else if let Some(pc) = shared {
            let c: &Candidate = &cands[pc];
            Some((c.cue.unwrap_or(Range { first: 0, end: 0 }), Who::SameAs(pc)))
        } else {
            transcript
                .or_else(|| dash_attribution(&v, q))
                // "When a heckler yelled, “Liar,” Roe replied": the words
                // complete the opening clause's cue, not the main clause's
                .or_else(|| {
                    opens_after_clause_cue(&v, q)
                        .then(|| cue_before(&v, q, fragment))
                        .flatten()
                })
                .or_else(|| cue_after(&v, q))
                // "Several experts agreed, among them Al Poe: “…”", "…,
                // including Jane Roe -- “…”": the member named right
                // before the mark speaks, not the group before it
                .or_else(|| {
                    let mark = q.open.checked_sub(1)?;
                    let np = member_before_mark(&v, mark, entities)?;
                    Some((NO_CUE, Who::Subject(Subject::Np(np))))
                })
                .or_else(|| cue_before(&v, q, fragment))
                .or_else(|| cue_colon_before(&v, q))
                .or_else(|| colon_subject(&v, q, entities))
                .or_else(|| {
                    issued_before(&v, content).map(|np| (NO_CUE, Who::Subject(Subject::Np(np))))
                })
                .or_else(|| cue_closing_sentence_before(&v, q))
        };
        let (cue, who) = match found {
            Some((c, w)) => (Some(c).filter(|c| c.end > c.first), w),
            None => {
                if fragment || (words < 4) || !(ends_punct || words >= 8) || q.open < head_end {
                    continue; // a scare quote, a title or a headline's words
                }
                (None, Who::Previous)
            }
        };
        prev_direct = Some((qi, cands.len()));
        directs.push((qi, cands.len()));
        cands.push(Candidate {
            kind: QuoteKind::Direct,
            content,
            cue,
            who,
            // "Roe called the plan “a costly mistake”": the quotation is
            // the quote, as the contract and the corpora count it; the
            // clause around it is what the statement says
            // (closing mark and all, when the quotation ends it)
            clause: cue
                .and_then(|c| {
                    // a "that" complement first, for a short fragment as
                    // for a longer quotation: the fragment rule finds a
                    // "that" only right after the cue
                    that_clause(&v, q, c)
                        .or_else(|| fragment_clause(&v, q, c))
                        .or_else(|| writers_clause_before(&v, q, c, who))
                })
                .map(|r| match q.close {
                    Some(close) if r.end == q.end => Range {
                        first: r.first,
                        end: close + 1,
                    },
                    _ => r,
                }),
        });
    }

    // Quotations inside an excerpt with a speaker of their own there
    // ("The Ledger reported: “Mayor Roe told reporters, ‘No new levy,’
    // and left.”"): the inner words are Roe's statement too. Cues are
    // read in a view where only the nested quotations are quoted, and
    // must stand, with their subject, inside the excerpt.
    let nv = View {
        text,
        quoted: {
            let mut quoted = vec![false; n];
            for q in &nested {
                for slot in quoted.iter_mut().take(q.after().min(n)).skip(q.open) {
                    *slot = true;
                }
            }
            quoted
        },
        title_line_end: v.title_line_end,
    };
    // for each candidate, whether it is nested, and the candidate of the
    // excerpt quoting it; a headline quoted as a title ("—“Roe: ‘No New
    // Levy,’” by the Ledger's Al Poe") is the outlet's, not a statement,
    // but the words it quotes are Roe's
    let mut nested_in = vec![false; cands.len()];
    let mut within: Vec<Option<usize>> = vec![None; cands.len()];
    let excerpts = directs
        .iter()
        .map(|&(qi, oc)| (qi, Some(oc)))
        .chain(titles.iter().map(|&qi| (qi, None)));
    for (qi, oc) in excerpts {
        let o = outer[qi];
        let lo = nested.partition_point(|q| q.open < o.first);
        for q in nested[lo..].iter().take_while(|q| q.open < o.end) {
            if let Some(c) = nested_candidate(&nv, entities, &o, q, oc.is_none()) {
                cands.push(c);
                nested_in.push(true);
                within.push(oc);
            }
        }
    }

    if cands.is_empty() {
        return Vec::new();
    }
    // Body order, then speakers.
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by_key(|&i| (cands[i].content.first, cands[i].content.end));
    let mut resolver = Resolver::new(&v, entities);
    let lines = body_lines(&v);
    // lines that are no body text make no statement
    let off_body: Vec<Range> = lines
        .iter()
        .copied()
        .filter(|&l| off_body_line(&v, l))
        .collect();
    let author = article_author(&v, &lines).and_then(|r| resolver.person_named(&v, r));
    let mut resolved: Vec<Option<speaker::Resolved>> = vec![None; cands.len()];
    // (first token of the sentence naming its speaker, end of its
    // content, speaker)
    let mut last: Option<(usize, usize, speaker::Resolved)> = None;
    let mut out = Vec::with_capacity(cands.len());
    let mut parts: Vec<(Range, Option<Range>, Who)> = Vec::with_capacity(cands.len());
    // candidates found to be no statement once their speaker is known: a
    // fragment listed after one is none either
    let mut dropped = vec![false; cands.len()];
    for &ci in &order {
        let c = &cands[ci];
        // "29 percent of voters said …", "Six in 10 say …": a poll's
        // respondents report a finding, nobody's statement
        let share = match c.who {
            Who::Subject(Subject::Np(np)) => reported::respondents_share(&v, np),
            // "…, with about one in five saying …" after a share's verb
            // and "…, including 18% who say …"
            Who::Subject(Subject::MainClause) => {
                let at = c.cue.map_or(c.content.first, |r| r.first);
                let end = if at > 0 && matches!(v.low(at - 1).as_ref(), "who" | "that") {
                    at - 1
                } else {
                    at
                };
                reported::share_ends_at(&v, end)
                    || sentence_subject(&v, at)
                        .into_iter()
                        .chain(v.np_leftward(end, v.sentence(at).first))
                        .any(|np| reported::respondents_share(&v, np))
            }
            _ => false,
        };
        // "Imagine if the mayor said …": words nobody said
        let imagined = c
            .cue
            .is_some_and(|r| reported::imagined_speech(&v, r.first));
        let off_body = off_body
            .iter()
            .any(|l| l.first <= c.content.first && c.content.first < l.end);
        // a quotation nested in a person's own words is their account
        // ("“He told me, ‘Go home,’” Roe said"): only an excerpt of an
        // outlet or document, or of nobody named, passes its speakers on
        // (one with no speaker whose own words say "I" is someone's too:
        // "“I think … Other ports say, ‘…’”")
        let retold = within[ci].is_some_and(|oc| {
            dropped[oc]
                || match &resolved[oc] {
                    Some(r) => matches!(
                        r.animacy,
                        speaker::Animacy::Person | speaker::Animacy::Group
                    ),
                    None => first_person(&nv, cands[oc].content),
                }
        });
        if share
            || imagined
            || off_body
            || retold
            || matches!(c.who, Who::SameAs(pc) if dropped[pc])
        {
            dropped[ci] = true;
            continue;
        }
        let here = v.sentence(c.content.first).first;
        resolver.quoting(c.content);
        // names inside the excerpt are its subjects, not quoted words
        let view = if nested_in[ci] { &nv } else { &v };
        let spk = match c.who {
            Who::Subject(Subject::Np(np)) => resolver.resolve(view, np),
            Who::Subject(Subject::MainClause) => {
                let cue_at = c.cue.map_or(c.content.first, |r| r.first);
                match sentence_subject(&v, cue_at) {
                    Some(np) => resolver.resolve(&v, np),
                    None => last.as_ref().map(|(_, _, r)| r.clone()),
                }
            }
            Who::Subject(Subject::Nobody) => None,
            Who::SameAs(pc) => resolved.get(pc).cloned().flatten(),
            Who::Previous => match v.signature_after(c.content.end) {
                // "“…”\n— Jane Roe, mayor": the signature line names it
                Some(np) => resolver.resolve(&v, np),
                // words quoted inside the writer's sentence ("… and in a
                // statement credited him for “…”") are its subject's when
                // that is a person
                None => embedded_subject(&v, c.content)
                    .and_then(|np| resolver.resolve(&v, np))
                    .filter(|p| p.animacy == speaker::Animacy::Person)
                    .or_else(|| {
                        // a block quote goes on paragraph after paragraph with
                        // nothing but marks between: the distance counts from
                        // where the last one ends, however long it was
                        last.as_ref().and_then(|&(s, e, ref r)| {
                            let adjacent =
                                e <= c.content.first && (e..c.content.first).all(|k| !v.is_word(k));
                            let from = if adjacent {
                                v.sentence(e.saturating_sub(1)).first
                            } else {
                                s
                            };
                            resolver.continuing(&v, from, here, r)
                        })
                    }),
            },
        };
        // "According to the Ledger, Jane Roe praised the plan as “…”" /
        // "the Ledger reported that Jane Roe called it “…”": the outlet
        // passes on quoted words of the person its clause names (when
        // that clause makes no quote of its own)
        let spk = match spk {
            Some(r)
                if r.animacy == speaker::Animacy::Org
                    && matches!(c.kind, QuoteKind::Indirect | QuoteKind::Mixed) =>
            {
                relayed_subject(&v, c.content)
                    // "the Ledger reported that Roe said that …": Roe's
                    // clause is a quote of its own; the whole is the outlet's
                    .filter(|np| {
                        !cands
                            .iter()
                            .any(|o| o.cue.is_some_and(|r| r.first == np.end))
                    })
                    .and_then(|np| resolver.resolve(&v, np))
                    .filter(|p| p.animacy == speaker::Animacy::Person)
                    .or_else(|| relayed_by_trailing_cue(&v, &mut resolver, c))
                    .or(Some(r))
            }
            Some(r) if r.animacy == speaker::Animacy::Org => {
                relayed_by_trailing_cue(&v, &mut resolver, c).or(Some(r))
            }
            other => other,
        };
        // "I argue that …", "This, we might recall, …": outside quotation
        // marks the first person is the writer narrating
        if c.kind != QuoteKind::Direct
            && spk
                .as_ref()
                .is_some_and(|r| reported::writers_narration(&r.speaker.name))
        {
            dropped[ci] = true;
            continue;
        }
        // the narrator of a signed article ("By Jo Reed", "Jo Reed is a
        // professor of …") is its author: "“No,” I said" is the author's
        let spk = match (spk, &author) {
            (Some(mut r), Some((name, id)))
                if r.speaker.entity.is_none() && r.speaker.name == "I" =>
            {
                r.speaker.name.clone_from(name);
                r.speaker.entity.clone_from(id);
                Some(r)
            }
            (spk, _) => spk,
        };
        // "“…,” said Ann Poe, who remembered Tom claiming that …": the
        // recalled person speaks that clause only; a quotation continuing
        // after the sentence is still the sentence's speaker's
        // ("recalled Mr. Roe" is Roe's own cue, not a recalled person)
        let recalled = matches!(c.who, Who::Subject(Subject::Np(np))
            if np.first > 0 && lexicon::is_recall_verb(&v.low(np.first - 1))
                && c.cue.is_some_and(|r| r.first >= np.end));
        // a nested quotation's speaker is no speaker of the text around
        // the excerpt: the quotation after it continues the excerpt's
        if let Some(r) = spk.as_ref().filter(|_| !recalled && !nested_in[ci]) {
            // `"…," Roe said. "…"`: the speaker was named at the cue after
            // a quotation however long; the next one counts from there
            let named = match c.cue {
                Some(cue) if cue.first >= c.content.end => v.sentence(cue.first).first,
                _ => here,
            };
            last = Some((named, c.content.end, r.clone()));
            if matches!(c.who, Who::Previous | Who::SameAs(_)) {
                resolver.push(r.clone());
            }
        }
        resolved[ci] = spk.clone();
        // a headline's quoted words whose speaker did not resolve repeat
        // the text's statement without one
        if spk.is_none() && c.kind == QuoteKind::Direct && c.content.first < head_end {
            continue;
        }
        let Some(span) = text.token_span(c.content.first, c.content.end) else {
            continue;
        };
        let cue = c.cue.and_then(|r| body_span(text, r));
        let inner = c
            .cue
            .and_then(|r| inner_attribution(&v, c.content, r, c.who));
        parts.push((c.content, c.cue, c.who));
        out.push(Quote {
            text: span.text.to_string(),
            start: span.start,
            end: span.end,
            kind: c.kind,
            speaker: spk.map(|r| r.speaker),
            cue,
            utterance: None,
            said_at: c.cue.and_then(|r| said_at(&v, dates, r, c.content)),
            clause: c.clause.and_then(|r| body_span(text, r)),
            attribution: inner.and_then(|r| body_span(text, r)),
            spans: inner.and_then(|r| around_attribution(text, c.content, r)),
        });
    }
    join_utterances(&v, &parts, &mut out);
    headline_speakers(&v, &parts, &mut out);
    out
}

/// Whether `content` speaks in the first person singular outside the
/// quotations it holds (`nv` quotes only those).
fn first_person(nv: &View<'_, '_>, content: Range) -> bool {
    (content.first..content.end).any(|k| {
        !nv.in_quote(k) && (nv.s(k) == "I" || matches!(nv.low(k).as_ref(), "me" | "my" | "myself"))
    })
}

/// The statement of quotation `q` nested in excerpt `o`, when a cue and
/// its subject inside the excerpt give it a speaker ("…: “Roe said, ‘…’”",
/// "“‘…,’ Roe said, and …”", a headline "“Roe: ‘…’”"); titles and
/// labels make none. In an excerpt read as a title (`headline_only`)
/// only the headline's speaker counts.
fn nested_candidate(
    nv: &View<'_, '_>,
    entities: &[Entity],
    o: &Quoted,
    q: &Quoted,
    headline_only: bool,
) -> Option<Candidate> {
    if q.first >= q.end || q.after() > o.end {
        return None;
    }
    let words = (q.first..q.end).filter(|&k| nv.is_word(k)).count();
    if words == 0
        || labels::is_label(nv, q)
        || labels::on_a_sign(nv, q)
        || labels::titled_work(nv, q)
    {
        return None;
    }
    let content = Range {
        first: q.first,
        end: q.end,
    };
    // a headline excerpt ("“Mayor Ann Roe: ‘No New Levy’”"): the person
    // named before the colon that opens it speaks, however short the words
    if let Some(colon) = q
        .open
        .checked_sub(1)
        .filter(|&c| c > o.first && nv.s(c) == ":")
    {
        if let Some(first) =
            (o.first..colon.min(o.first + 3)).find(|&f| person_mention_at(nv, entities, f, colon))
        {
            return Some(Candidate {
                kind: QuoteKind::Direct,
                content,
                cue: None,
                who: Who::Subject(Subject::Np(Range { first, end: colon })),
                clause: None,
            });
        }
    }
    if headline_only {
        return None;
    }
    let ends_punct = matches!(nv.s(q.end - 1), "." | "," | "!" | "?" | "…" | ":");
    // an excerpt's few quoted words are its titles and scare quotes
    // ("an exhibit called ‘…’", "who wrote ‘…,’") far more often than
    // speech: a fragment makes no statement
    if words <= 3 && !ends_punct || words <= 2 {
        return None;
    }
    let inside = |r: Range| o.first <= r.first && r.end <= o.end;
    let (cue, who) = cue_after(nv, q).or_else(|| cue_before(nv, q, false))?;
    // the excerpt's own cue outside it ("The Ledger reported: “…”") is
    // the outlet's, and a clause-level subject may lie outside too; a
    // participle's subject ("… and start chanting: ‘…’") is no phrase the
    // excerpt's clauses can be trusted to give
    let Who::Subject(Subject::Np(np)) = who else {
        return None;
    };
    if !(inside(cue) && inside(np)) || lexicon::is_ing(&nv.low(cue.first)) {
        return None;
    }

    Some(Candidate {
        kind: QuoteKind::Direct,
        content,
        cue: Some(cue),
        who,
        clause: None,
    })
}

/// A headline's quoted words with no speaker of their own ("Voters'
/// verdict: “Not this time”" over the story) repeat a quotation of the
/// text: they take its speaker when the text quotes them, under one
/// speaker only. The headline is the body's first line when it is short
/// (not always in title case).
fn headline_speakers(v: &View<'_, '_>, parts: &[(Range, Option<Range>, Who)], out: &mut [Quote]) {
    const MAX_HEADLINE_WORDS: usize = 25;
    let toks = v.text.tokens();
    let Some(title_end) = toks.iter().position(|t| t.newlines_before > 0) else {
        return;
    };
    if (0..title_end).filter(|&k| v.is_word(k)).count() > MAX_HEADLINE_WORDS {
        return;
    }
    let words = |r: Range| -> Vec<String> {
        (r.first..r.end)
            .filter(|&k| v.is_word(k))
            .map(|k| v.low(k).into_owned())
            .collect()
    };
    for i in 0..out.len().min(parts.len()) {
        let (content, _, _) = parts[i];
        if content.first >= title_end
            || out[i].speaker.is_some()
            || out[i].kind != QuoteKind::Direct
        {
            continue;
        }
        let said = words(content);
        if said.len() < 2 {
            continue;
        }
        let mut speakers = (0..out.len().min(parts.len()))
            .filter(|&j| parts[j].0.first >= title_end && out[j].kind != QuoteKind::Indirect)
            .filter(|&j| words(parts[j].0).windows(said.len()).any(|w| w == said))
            .filter_map(|j| out[j].speaker.clone());
        let Some(first) = speakers.next() else {
            continue;
        };
        if speakers.all(|s| s.name == first.name) {
            out[i].speaker = Some(first);
        }
    }
}

/// Tokens `r` as a span of the body with its text (a cue, a clause, an
/// attribution).
fn body_span(text: &Text<'_>, r: Range) -> Option<Cue> {
    text.token_span(r.first, r.end).map(|s| Cue {
        text: s.text.to_string(),
        start: s.start,
        end: s.end,
    })
}

/// The attribution standing inside reported content ("Costs, she said,
/// will rise"; "Costs, said the minister on Monday, will rise"): from the
/// comma before its subject (or its cue, when the subject follows) to the
/// comma after the cue's clause, a few words on at most. `None` when the
/// cue stands outside the content.
fn inner_attribution(v: &View<'_, '_>, content: Range, cue: Range, who: Who) -> Option<Range> {
    // words between the cue and the comma that closes its clause ("said
    // on Monday,", "told the paper's editors,")
    const MAX_AFTER_CUE: usize = 8;
    if !(content.first < cue.first && cue.end < content.end) {
        return None;
    }
    let first = match who {
        Who::Subject(Subject::Np(np)) if np.first > content.first => np.first.min(cue.first),
        _ => cue.first,
    };
    let open = first - 1;
    if v.s(open) != "," {
        return None;
    }
    let close = (cue.end..content.end.min(cue.end + MAX_AFTER_CUE)).find(|&k| v.s(k) == ",")?;
    // "…, said Jo Poe, the mayor, …": the appositive belongs to it
    let close = reported::appositive_after(v, close, content.end).unwrap_or(close);
    // what was said goes on after it
    (close + 1..content.end)
        .any(|k| v.is_word(k))
        .then_some(Range {
            first: open,
            end: close + 1,
        })
}

/// The content's pieces before and after its inner attribution `inner`
/// (which runs from the comma before it through the comma after it), as
/// code-point pairs: what the speaker said without the writer's ", she
/// said,". `None` when either piece would be empty.
fn around_attribution(text: &Text<'_>, content: Range, inner: Range) -> Option<Vec<[usize; 2]>> {
    let before = text.token_span(content.first, inner.first)?;
    let after = text.token_span(inner.end, content.end)?;
    Some(vec![[before.start, before.end], [after.start, after.end]])
}

/// "The council issued a statement on Monday, apologizing to …" and then
/// a paragraph that is one quotation: the statement's text, its issuer's
/// words, whoever the sentence named after the verb. The subject of the
/// issuing verb of the sentence right before the quotation.
fn issued_before(v: &View<'_, '_>, content: Range) -> Option<Range> {
    // "issued a brief statement": the document noun a few words on
    const MAX_OBJECT_WORDS: usize = 4;
    let open = content.first.checked_sub(1).filter(|&o| v.is_quote(o))?;
    if !marks::paragraph_starts_at(v.text, open) {
        return None;
    }
    let sent = v.sentence(open.checked_sub(1)?);
    let verb = (sent.first..sent.end).find(|&k| {
        !v.in_quote(k)
            && speaker::ISSUING_VERBS.contains(&v.low(k).as_ref())
            && (k + 1..sent.end.min(k + 1 + MAX_OBJECT_WORDS))
                .take_while(|&j| v.is_word(j))
                .any(|j| lexicon::is_document_noun(&v.low(j)))
    })?;
    v.cue_subject(verb, sent.first)
}

/// Most words a quoted piece may have and still be a fragment of the
/// writer's clause rather than a statement of its own.
const MAX_FRAGMENT_WORDS: usize = 8;

/// Most writer's words between a cue and a quoted fragment that the
/// fragment's clause may hold ("called [the plan to widen the road] “…”").
const MAX_LEAD_WORDS: usize = 14;

/// The writer's clause that carries the quoted fragment `q` after its cue
/// `cue` ("called the plan “a costly mistake”", "described the memo as
/// “like a sieve”", "vowed to “take the fight” to every state"): the words
/// from the cue to the end of the clause, when the quotation is no clause
/// of its own ([`is_fragment_piece`]) and sits inside the writer's
/// sentence: the writer's words between the cue and the mark, no comma or
/// colon opening it. A *tell* verb's words before the mark are its
/// addressee ("told him “never again”"), not content; a noun cue ("chants
/// of “…”") and a passive ("is labeled “…”") have no speaker's clause.
fn fragment_clause(v: &View<'_, '_>, q: &Quoted, cue: Range) -> Option<Range> {
    let close = q.close?;
    if cue.end > q.open
        || cue.first == 0
        || v.sentence(cue.first).first != v.sentence(q.open).first
        || v.cue_at(cue.first) == Some(CueClass::Tell)
    {
        return None;
    }
    let before = v.low(cue.first - 1);
    let passive = lexicon::is_passive_aux(&before)
        || cue.first >= 2
            && lexicon::is_passive_aux(&v.low(cue.first - 2))
            && v.is_word(cue.first - 1)
            && !v.cap(cue.first - 1);
    // "chants of “…”", "a chant of “…”": a noun cue (a determiner before
    // the singular)
    let noun_cue = v.low(cue.end) == "of"
        && (v.low(cue.first).ends_with('s') || lexicon::is_determiner(&before));
    if passive || noun_cue {
        return None;
    }
    // "promised Roe that she could …", "said only that …": the
    // complementizer opens the content
    let mut first = (cue.end..q.open.min(cue.end + 3))
        .find(|&k| v.low(k) == "that")
        .map_or(cue.end, |k| k + 1);
    if v.low(first) == "that" {
        first += 1;
    }
    // "called for “…”", "called on the agency to …", "wrote about the
    // “…” plan": the verb's preposition opens its complement and is no
    // part of what was said
    if first == cue.end
        && matches!(v.low(first).as_ref(), "for" | "on" | "about" | "of")
        && (first + 1..q.open).any(|k| v.is_word(k))
    {
        first += 1;
    }
    let lead: Vec<usize> = (first..q.open).filter(|&k| v.is_word(k)).collect();
    // words the writer puts between: no comma right after the cue ("said,
    // from “…”"), no bracket, dash or other quotation
    let lead_ok = !lead.is_empty()
        && lead.len() <= MAX_LEAD_WORDS
        && v.s(cue.end) != ","
        && (first..q.open).all(|k| {
            !(v.is_quote(k)
                || matches!(v.s(k), "(" | ")" | "—" | "–" | "--" | ";" | ":")
                || v.spaced_hyphen(k))
        })
        // "the ones Roe says are “…”": a relative clause's gap, no content
        && !lexicon::is_aux(&v.low(first));
    let opened_as_speech = matches!(v.s(q.open - 1), "," | ":");
    if !lead_ok || opened_as_speech || !is_fragment_piece(v, q.first, q.end) {
        return None;
    }
    // "what Roe calls “a sham” and …": the free relative's object is the
    // quoted words alone
    let free_relative = (cue.first.saturating_sub(4)..cue.first)
        .any(|k| matches!(v.low(k).as_ref(), "what" | "whom"))
        && (cue.first.saturating_sub(4)..cue.first).all(|k| v.s(k) != ",");
    let end = if free_relative {
        noun_tail_end(v, close + 1)
    } else {
        fragment_clause_end(v, close + 1)
    };
    trim_reported(v, first, end)
}

/// The writer's clause a quotation goes on from when its cue comes after
/// it ("The plan was “a costly mistake,” Roe said", "Roe’s aide “never
/// called back,” she said"): the sentence from its start (past a lead
/// connective) to the end of the clause holding the quotation. The
/// quotation alone would read as half a sentence. `None` when the
/// quotation opens the sentence, is introduced as speech (a comma or
/// colon before its mark), holds a sentence of its own, or when the
/// writer's words carry a cue or another quotation (an attribution of
/// their own).
fn writers_clause_before(v: &View<'_, '_>, q: &Quoted, cue: Range, who: Who) -> Option<Range> {
    let close = q.close?;
    let sent = v.sentence(q.open);
    if cue.first <= close || q.open == 0 || v.sentence(cue.first).first != sent.first {
        return None;
    }
    // "Roe, citing “a fine record,” said …": the cue's subject stands in
    // the writer's words, which are no clause the quotation goes on from
    if matches!(who, Who::Subject(Subject::Np(np)) if np.first < q.open) {
        return None;
    }
    // the writer's words, scanned back from the mark (a bounded walk: a
    // long sentence of quotations costs no more than a short one)
    let mut lead = 0;
    let mut lead_ok = true;
    for k in (sent.first..q.open).rev() {
        let bad = v.is_quote(k)
            || v.cue_at(k).is_some()
            || matches!(v.s(k), "(" | ")" | "—" | "–" | "--" | ";" | ":")
            || v.spaced_hyphen(k);
        lead += usize::from(v.is_word(k));
        if bad || lead > MAX_LEAD_WORDS {
            lead_ok = false;
            break;
        }
    }
    let opened_as_speech = matches!(v.s(q.open - 1), "," | ":");
    // "“Enough. We are done,” she said": a sentence inside is a statement;
    // so is one opening with a capital ("Meanwhile “It is over,” …")
    let sentence_inside =
        v.cap(q.first) || (q.first..q.end.saturating_sub(1)).any(|k| v.is_terminal(k));
    if !lead_ok || lead == 0 || opened_as_speech || sentence_inside {
        return None;
    }
    // "Roe, citing “a fine record,” said …", "Citing “a fine record,”
    // Roe said …": a participle phrase holds it, not a clause (a gerund
    // subject has a verb before the mark: "Closing it would “…”")
    let aside = (sent.first..q.open).any(|k| {
        (k == sent.first || v.s(k - 1) == ",")
            && v.is_word(k)
            && lexicon::is_ing(&v.low(k))
            && (k + 1..q.open).all(|j| {
                v.s(j) != ","
                    && !v.verbish(j)
                    && !v.irregular_past(j)
                    && !lexicon::is_aux(&v.low(j))
            })
    });
    if aside {
        return None;
    }
    let end = clause_end_after(v, q, close);
    if end > cue.first {
        return None;
    }
    // "But “the real issue,” she said": a connective alone leaves the
    // quotation as it was
    trim_reported(v, sent.first, end)
        .map(|r| after_lead_connective(v, r))
        .filter(|r| r.first < q.open)
}

/// The clause after "that" a quotation goes on from when its cue comes
/// before it ("told reporters on Friday that the vote was “a great
/// thing”", "said in 2001 that the plan “would cost far too much”"): from
/// the word after "that" to the end of the clause holding the quotation.
/// "that" opens the cue's complement: right after the cue, its addressee
/// (a *tell* verb) or a time word or name; a relative "that" after a
/// common noun ("plans that he drew up “…”") does not.
fn that_clause(v: &View<'_, '_>, q: &Quoted, cue: Range) -> Option<Range> {
    const REACH: usize = 10;
    let close = q.close?;
    if cue.end > q.open
        || q.open - cue.end > REACH + MAX_LEAD_WORDS
        || v.sentence(cue.first).first != v.sentence(q.open).first
    {
        return None;
    }
    if (cue.end..q.open)
        .any(|k| v.is_quote(k) || v.is_terminal(k) || matches!(v.s(k), ";" | ":" | "(" | ")"))
    {
        return None;
    }
    let that = (cue.end..q.open.min(cue.end + REACH))
        .rev()
        .find(|&k| v.is_word(k) && v.low(k) == "that")?;
    let before = that - 1;
    let complement = before + 1 == cue.end
        || v.cue_at(cue.first) == Some(CueClass::Tell)
        || v.cap(before)
        || v.s(before) == ","
        || v.kind(before) == Some(crate::text::TokenKind::Number)
        || lexicon::is_time_word(&v.low(before));
    let lead = (that + 1..q.open).filter(|&k| v.is_word(k)).count();
    let opened_as_speech = matches!(v.s(q.open - 1), "," | ":");
    let sentence_inside = (q.first..q.end.saturating_sub(1)).any(|k| v.is_terminal(k));
    if !complement
        || lead == 0
        || lead > MAX_LEAD_WORDS
        || v.cap(q.first)
        || opened_as_speech
        || sentence_inside
        || (that + 1..q.open).any(|k| v.cue_at(k).is_some())
    {
        return None;
    }
    trim_reported(v, that + 1, clause_end_after(v, q, close))
}

/// Where the writer's clause holding quotation `q` ends: at its closing
/// mark when the clause ends inside the marks ("“… a fine race,’” she
/// said"), else at [`fragment_clause_end`].
fn clause_end_after(v: &View<'_, '_>, q: &Quoted, close: usize) -> usize {
    let inner_end = (q.first..q.end).rev().find(|&k| !v.is_quote(k));
    if inner_end.is_some_and(|k| v.s(k) == "," || v.is_terminal(k)) {
        close + 1
    } else {
        fragment_clause_end(v, close + 1)
    }
}

/// The end of a noun phrase that goes on after a quotation's closing mark
/// at `k` ("what Roe calls a “bold” plan"): a few plain lowercase words,
/// up to a verb, a coordinator, a preposition or punctuation.
fn noun_tail_end(v: &View<'_, '_>, k: usize) -> usize {
    const MAX_TAIL: usize = 3;
    let ceil = v.sentence(k.saturating_sub(1)).end;
    let mut e = k;
    while e < ceil && e < k + MAX_TAIL && v.is_word(e) && !v.cap(e) {
        let w = v.low(e);
        let ends_phrase = v.verbish(e)
            || v.irregular_past(e)
            || v.cue_at(e).is_some()
            || lexicon::is_np_preposition(&w)
            || lexicon::is_determiner(&w)
            || lexicon::is_clause_breaker(&w)
            || matches!(
                w.as_ref(),
                "and" | "or" | "that" | "to" | "in" | "on" | "at"
            );
        if ends_phrase {
            break;
        }
        e += 1;
    }
    e
}

/// Whether an adjunct of the attribution, not of the content, opens at
/// `k`: when it was said or where ("on Monday", "last week", "in a tweet
/// Sunday", "in a statement").
fn attribution_adjunct(v: &View<'_, '_>, k: usize, ceil: usize) -> bool {
    const REACH: usize = 3;
    let w = v.low(k);
    // a day alone ("… Sunday"), not a possessive ("Friday's vote") nor a
    // span that needs its preposition ("over the weekend")
    let day_alone = lexicon::is_time_noun(&w)
        && !matches!(
            w.as_ref(),
            "morning" | "afternoon" | "evening" | "night" | "week" | "weekend" | "month" | "year"
        )
        && !v.is_possessive(k + 1);
    if day_alone {
        return true;
    }
    if !matches!(
        w.as_ref(),
        "on" | "in" | "at" | "during" | "over" | "last" | "this" | "next" | "earlier" | "late"
    ) {
        return false;
    }
    (k + 1..ceil.min(k + 1 + REACH))
        .take_while(|&j| v.is_word(j))
        .any(|j| {
            let x = v.low(j);
            // "in a statement", "in a tweet": where it was said
            let venue = w == "in" && !v.cap(j) && lexicon::is_document_noun(&x);
            lexicon::is_time_noun(&x) || venue
        })
}

/// Whether quoted words `first..end` are a fragment (a noun, adjective,
/// gerund or prepositional phrase) rather than a clause: a few words, no
/// sentence inside, no subject pronoun and no auxiliary after the first
/// word ("the plan is a mistake" is a clause, "isn't going anywhere"
/// continues the writer's subject).
fn is_fragment_piece(v: &View<'_, '_>, first: usize, end: usize) -> bool {
    let words: Vec<usize> = (first..end).filter(|&k| v.is_word(k)).collect();
    if words.is_empty() || words.len() > MAX_FRAGMENT_WORDS {
        return false;
    }
    // a sentence inside the piece ("Enough. We are done.") is a statement
    if (first..end.saturating_sub(1)).any(|k| v.is_terminal(k)) {
        return false;
    }
    let clause = words.iter().enumerate().any(|(i, &k)| {
        let w = v.low(k);
        lexicon::is_subject_pronoun(&w) && w != "it" || i > 0 && !v.cap(k) && lexicon::is_aux(&w)
    });
    !clause
}

/// Where the writer's clause holding a quoted fragment ends, scanning from
/// `k` (right after its closing mark): at the end of the sentence, a
/// comma (also one inside the closing mark), semicolon, colon, dash or
/// bracket, a new clause ("while …", "and said …", "and cast himself …")
/// or another cue. Quoted words continuing the clause stay in, and so
/// does a list of quoted fragments ("‘slow’, ‘costly’ and ‘unfair’").
fn fragment_clause_end(v: &View<'_, '_>, mut k: usize) -> usize {
    let ceil = v.sentence(k.saturating_sub(1)).end;
    // the quotation ended the sentence or the clause inside its marks
    // ("“a mistake.”", "“a mistake,” adding …")
    if k >= 2 && v.is_quote(k - 1) && (v.is_terminal(k - 2) || v.s(k - 2) == ",") {
        return k;
    }
    while k < ceil {
        let s = v.s(k);
        if v.is_quote(k) {
            // quoted words go on in the clause ("his “friend” Roe ran
            // “a fine race”"); a sentence or more inside ends it
            match marks_close_after(v, k) {
                Some(after) if is_fragment_piece(v, k + 1, after - 1) || v.is_word(k - 1) => {
                    k = after;
                    if v.is_terminal(k - 2) || v.s(k - 2) == "," {
                        return k;
                    }
                    continue;
                }
                _ => return k,
            }
        }
        let closed_mark_before = v.is_quote(k - 1);
        let listed_next = |j: usize| j < ceil && v.is_quote(j);
        if closed_mark_before && matches!(s, "," | "and" | "or") && listed_next(k + 1) {
            k += 1;
            continue;
        }
        if closed_mark_before && s == "," && v.low(k + 1) == "and" && listed_next(k + 2) {
            k += 2;
            continue;
        }
        if v.is_terminal(k)
            || matches!(s, "," | ";" | ":" | "—" | "–" | "--" | "(" | ")")
            || v.spaced_hyphen(k)
        {
            return k;
        }
        let w = v.low(k);
        if lexicon::is_clause_breaker(&w)
            || v.cue_at(k).is_some()
            || attribution_adjunct(v, k, ceil)
        {
            return k;
        }
        if matches!(w.as_ref(), "and" | "or" | "but") && k + 2 < ceil && v.is_word(k + 1) {
            let n = v.low(k + 1);
            let nn = v.low(k + 2);
            // a verb with its own object: "and cast himself as …"
            let verb_then_object = !v.cap(k + 1)
                && !lexicon::is_determiner(&n)
                && (lexicon::is_determiner(&nn)
                    || lexicon::is_subject_pronoun(&nn)
                    || nn.ends_with("self")
                    || matches!(nn.as_ref(), "to" | "him" | "her" | "them" | "us" | "me"));
            // "and Roe says …": a named subject with a verb of its own
            let named_clause = v.cap(k + 1)
                && (k + 2..ceil.min(k + 6))
                    .take_while(|&j| v.is_word(j))
                    .find(|&j| !v.cap(j))
                    .is_some_and(|j| v.verbish(j) || v.cue_at(j).is_some());
            if v.verbish(k + 1)
                || v.irregular_past(k + 1)
                || v.cue_at(k + 1).is_some()
                || lexicon::is_subject_pronoun(&n)
                || verb_then_object
                || named_clause
            {
                return k;
            }
        }
        k += 1;
    }
    k
}

/// The token after the closing mark of the quotation opening at `open`.
fn marks_close_after(v: &View<'_, '_>, open: usize) -> Option<usize> {
    (open + 1..v.sentence(open).end.min(open + 3 * MAX_FRAGMENT_WORDS))
        .find(|&j| v.is_quote(j))
        .map(|j| j + 1)
}

/// The subject of the writer's sentence that quotes words after a
/// lowercase word of its own ("He also seeks “…”", "Roe credited him for
/// “…”"): a quotation embedded mid-sentence, not opened by a colon. A
/// title-case quotation names a title or a label, and a long subject is
/// more often a run-in heading than a person.
fn embedded_subject(v: &View<'_, '_>, content: Range) -> Option<Range> {
    const MAX_SUBJECT_WORDS: usize = 5;
    if labels::title_case_words(v, content.first, content.end) {
        return None;
    }
    let open = content.first.checked_sub(1).filter(|&o| v.is_quote(o))?;
    let prev = open.checked_sub(1)?;
    let embedded = v.is_word(prev)
        && !v.cap(prev)
        && !v.in_quote(prev)
        && v.sentence(prev).first == v.sentence(open).first;
    if !embedded {
        return None;
    }
    sentence_subject(v, open)
        .filter(|np| (np.first..np.end).filter(|&k| v.is_word(k)).count() <= MAX_SUBJECT_WORDS)
}

/// The named subject opening reported `content` that holds quoted words,
/// with a speech verb of its own ("Jane Roe praised the plan as “…”");
/// without one ("Roe brought “Show” its best
/// ratings") the marks are a title or the outlet's own scare quotes.
fn relayed_subject(v: &View<'_, '_>, content: Range) -> Option<Range> {
    if !(content.first..content.end).any(|k| v.is_quote(k)) {
        return None;
    }
    let np = v.np_rightward(content.first, content.end)?;
    let verb = np.end;
    // a name, not a described group ("the 100 donors in Ohio")
    let named = v.cap(np.first) && v.cap(np.end - 1) && !v.in_quote(np.first);
    let verb_follows =
        verb < content.end && v.is_word(verb) && !v.cap(verb) && v.cue_at(verb).is_some();
    (named && verb_follows).then_some(np)
}

/// "Roe slammed the plan as “a fraud”, the Ledger reported": an
/// outlet's relaying cue after words quoted inside another's sentence
/// passes on the words of that sentence's subject, when it is a person.
fn relayed_by_trailing_cue(
    v: &View<'_, '_>,
    resolver: &mut Resolver<'_>,
    c: &Candidate,
) -> Option<speaker::Resolved> {
    let cue = c.cue?;
    let sent = v.sentence(c.content.first);
    if cue.first < c.content.end || !v.is_relay_cue(cue.first) || c.content.first <= sent.first + 1
    {
        return None;
    }
    let np = sentence_subject(v, c.content.first)?;
    resolver
        .resolve(v, np)
        .filter(|p| p.animacy == speaker::Animacy::Person)
}

/// Give the parts of a quotation split by its attribution (`"…," she
/// said. "…"` / `"…," she said, "…"`) one utterance id and one `said_at`:
/// consecutive direct quotes of one speaker, the second without a cue of
/// its own or sharing the first's, in one paragraph, with only the short
/// attribution clause between them.
fn join_utterances(v: &View<'_, '_>, parts: &[(Range, Option<Range>, Who)], out: &mut [Quote]) {
    let mut next_id = 0usize;
    for i in 1..out.len().min(parts.len()) {
        let (a, a_cue, _) = parts[i - 1];
        let (b, b_cue, b_who) = parts[i];
        let direct = out[i - 1].kind == QuoteKind::Direct && out[i].kind == QuoteKind::Direct;
        let same_speaker = match (&out[i - 1].speaker, &out[i].speaker) {
            (Some(x), Some(y)) => x.name == y.name,
            _ => false,
        };
        if !direct || !same_speaker || b.first < a.end || b.first - a.end > 18 {
            continue;
        }
        let cue_between =
            |r: Option<Range>| r.is_some_and(|r| r.first >= a.end && r.end <= b.first);
        let own_cue_ok = b_cue.is_none() && b_who == Who::Previous || b_cue == a_cue;
        let gap_ok = (a.end..=b.first).all(|k| {
            v.text
                .tokens()
                .get(k)
                .is_none_or(|t| t.newlines_before == 0)
                && (k == b.first || !v.is_word(k) || !v.in_quote(k))
        });
        if own_cue_ok && gap_ok && cue_between(a_cue) {
            let id = match out[i - 1].utterance.clone() {
                Some(id) => id,
                None => {
                    next_id += 1;
                    let id = format!("u{next_id}");
                    out[i - 1].utterance = Some(id.clone());
                    id
                }
            };
            out[i].utterance = Some(id);
            if out[i].said_at.is_none() {
                out[i].said_at = out[i - 1].said_at.clone();
            }
        }
    }
}

/// The TIMEX3 value of the date or time in the attribution clause of a cue
/// ("said Thursday", "On Monday, Roe told reporters …", "in a 1963
/// speech"): the nearest date of the cue's sentence within a few words of
/// it, outside the content and any quotation.
fn said_at(v: &View<'_, '_>, dates: &[DateMention], cue: Range, content: Range) -> Option<String> {
    if dates.is_empty() {
        return None;
    }
    let toks = v.text.tokens();
    let sent = v.sentence(cue.first);
    let lo = toks.get(sent.first)?.cstart as usize;
    let hi = toks
        .get(sent.end.saturating_sub(1))
        .map_or(usize::MAX, |t| t.cend as usize);
    let first = dates.partition_point(|d| d.start < lo);
    let mut best: Option<(usize, &DateMention)> = None;
    for d in dates[first..].iter().take_while(|d| d.start < hi) {
        if !matches!(d.kind, DateType::Date | DateType::Time) {
            continue;
        }
        let t = toks.partition_point(|t| (t.cstart as usize) < d.start);
        let te = toks.partition_point(|t| (t.cstart as usize) < d.end);
        if v.in_quote(t) || t < content.end && te > content.first {
            continue;
        }
        // after the cue, not past a comma ("said Roe, the 2008 campaign's
        // manager" dates the campaign, not the statement)
        if t >= cue.end && (cue.end..t).any(|k| v.s(k) == ",") {
            continue;
        }
        let dist = if t >= cue.end {
            t - cue.end
        } else {
            cue.first.saturating_sub(te)
        };
        if dist <= 8 && best.is_none_or(|(b, _)| dist < b) {
            best = Some((dist, d));
        }
    }
    best.map(|(_, d)| d.value.clone())
}

/// The end (token index) of a headline line opening the body, else 0: a
/// title-case first line ([`title_line_end`]) without terminal
/// punctuation ("Mayor Vows To Fight 'Unfair' Tax"); its quotation marks
/// repeat what the text reports.
fn headline_end(v: &View<'_, '_>) -> usize {
    let end = title_line_end(v);
    if end == 0 {
        return 0;
    }
    let mut last = end - 1;
    while last > 0 && v.is_quote(last) {
        last -= 1;
    }
    // some feeds end every headline with a period: a title-case line set
    // apart by a blank line is a headline all the same
    let set_apart = v
        .text
        .tokens()
        .get(end)
        .is_some_and(|t| t.newlines_before >= 2);
    let closing_period = v.s(last) == "." && set_apart;
    if v.is_terminal(last) && !closing_period || matches!(v.s(last), ":" | ";" | ",") {
        return 0;
    }
    end
}

/// The end (token index) of a first line of 2 to 25 words set in title
/// case or capitals and followed by more text, whatever its last mark;
/// else 0.
fn title_line_end(v: &View<'_, '_>) -> usize {
    let toks = v.text.tokens();
    let Some(end) = toks.iter().position(|t| t.newlines_before > 0) else {
        return 0;
    };
    if end == 0 {
        return 0;
    }
    let words: Vec<usize> = (0..end).filter(|&k| v.is_word(k)).collect();
    if !(2..=25).contains(&words.len()) {
        return 0;
    }
    // title case: the longer words start with a capital
    let long: Vec<usize> = words
        .iter()
        .copied()
        .filter(|&k| v.s(k).chars().count() >= 4)
        .collect();
    let capped = long.iter().filter(|&&k| v.cap(k)).count();
    if long.is_empty() || capped * 4 < long.len() * 3 {
        return 0;
    }
    end
}

/// The body's lines (split at every line break), as token ranges.
fn body_lines(v: &View<'_, '_>) -> Vec<Range> {
    let toks = v.text.tokens();
    let mut out = Vec::new();
    let mut first = 0;
    for (k, t) in toks.iter().enumerate().skip(1) {
        if t.newlines_before > 0 {
            out.push(Range { first, end: k });
            first = k;
        }
    }
    if first < toks.len() {
        out.push(Range {
            first,
            end: toks.len(),
        });
    }
    out
}

/// Whether `line` is no body text, whose quotation marks make no
/// statement: a teaser or cross-reference under a label ("PLUS: …",
/// "READ MORE: …", "Watch: …", "Photo: …"), a byline ("By Jo Reed,
/// Staff Writer"), or a photo caption signed by its credit ("… at the
/// rally on Friday. (AP Photo/Jo Reed)"). A body paragraph opening
/// with the same word has no colon after it ("Plus, the mayor said …").
fn off_body_line(v: &View<'_, '_>, line: Range) -> bool {
    let words: Vec<usize> = (line.first..line.end).filter(|&k| v.is_word(k)).collect();
    let Some(&w0) = words.first() else {
        return false;
    };
    // "READ MORE:", "See also:", "Photo:": a label of one or two words
    let label = |n: usize| -> bool {
        let Some(&last) = words.get(n - 1) else {
            return false;
        };
        let phrase = (0..n)
            .map(|i| v.low(words[i]).into_owned())
            .collect::<Vec<_>>()
            .join(" ");
        last + 1 < line.end
            && matches!(v.s(last + 1), ":" | "|")
            && (words[..n].windows(2).all(|p| p[1] == p[0] + 1))
            && lexicon::is_teaser_label(&phrase)
    };
    if words[0] == line.first && (label(1) || label(2)) {
        return true;
    }
    if w0 == line.first && v.low(w0) == "by" && byline_names(v, line).is_some() {
        return true;
    }
    photo_credit_closes(v, line)
}

/// Whether `line` ends with a photo credit in brackets ("(AP Photo/Jo
/// Reed)", "(Photo: Jo Reed, Acme News)", "(Getty Images)"): a caption.
fn photo_credit_closes(v: &View<'_, '_>, line: Range) -> bool {
    let mut last = line.end;
    while last > line.first && matches!(v.s(last - 1), "." | "”" | "\"") {
        last -= 1;
    }
    if last <= line.first + 2 || v.s(last - 1) != ")" {
        return false;
    }
    let Some(open) = (line.first..last - 1).rev().find(|&k| v.s(k) == "(") else {
        return false;
    };
    (open + 1..last - 1).any(|k| {
        v.cap(k)
            && matches!(
                v.low(k).as_ref(),
                "photo" | "photos" | "photograph" | "images" | "image"
            )
    })
}

/// The names of a byline line ("By Jo Reed", "BY JO REED AND TOM POE,
/// Staff Writers"): the name runs after "By", up to the line's end or a
/// comma, dash or bar before a title. `None` when the line says more.
fn byline_names(v: &View<'_, '_>, line: Range) -> Option<Vec<Range>> {
    const MAX_TITLE_TOKENS: usize = 10;
    let mut names = Vec::new();
    let mut k = line.first + 1;
    loop {
        let run = name_run_at(v, k, line.end)?;
        names.push(run);
        k = run.end;
        if k < line.end && matches!(v.low(k).as_ref(), "and" | "&") {
            k += 1;
            continue;
        }
        break;
    }
    let rest_ok = k >= line.end
        || matches!(v.s(k), "," | "|" | "-" | "—" | "–") && line.end - k <= MAX_TITLE_TOKENS;
    rest_ok.then_some(names)
}

/// A personal name of two to five capitalized words (initials' dots
/// inside) starting at token `k`, ending by `end`.
fn name_run_at(v: &View<'_, '_>, k: usize, end: usize) -> Option<Range> {
    const MAX_NAME_TOKENS: usize = 7;
    let mut e = k;
    while e < end
        && e - k < MAX_NAME_TOKENS
        && (v.is_word(e) && v.cap(e) && !lexicon::is_title(&v.low(e)) || is_dot_of_initial(v, e))
    {
        e += 1;
    }
    let words = (k..e).filter(|&i| v.is_word(i)).count();
    // "The Acme Group is …", "By Jo Reed": no name opens so
    let w0 = v.low(k);
    let function_word = lexicon::is_determiner(&w0) || lexicon::is_np_preposition(&w0);
    (words >= 2 && !function_word).then_some(Range { first: k, end: e })
}

/// Whether the text of token range `r` names the same person as `o` (the
/// same last word).
fn same_name(v: &View<'_, '_>, r: Range, o: Range) -> bool {
    v.low(r.end - 1) == v.low(o.end - 1)
}

/// The article's author, when its layout names one person as such: a
/// byline opening it ("By Jo Reed"), or closing it a bio ("Jo Reed is a
/// professor of law …", "Jo Reed, a novelist, writes about …"), a
/// "Follow Jo Reed on Twitter" line, a sign-off ("— Jo Reed") or an
/// excerpt's credit ("From The Long Road by Jo Reed"). The narrator's "I"
/// is that person. Two authors (or two names): none, the "I" stays.
fn article_author(v: &View<'_, '_>, lines: &[Range]) -> Option<Range> {
    const HEAD_LINES: usize = 4;
    const TAIL_LINES: usize = 3;
    const MAX_BIO_WORDS: usize = 60;
    let mut found: Vec<Range> = Vec::new();
    for &line in lines.iter().take(HEAD_LINES) {
        if v.low(line.first) == "by" {
            if let Some(names) = byline_names(v, line) {
                found.extend(names);
            }
        }
        found.extend(excerpt_credit(v, line));
    }
    let tail = lines.len().saturating_sub(TAIL_LINES);
    for (i, &line) in lines.iter().enumerate().skip(tail) {
        let first = line.first;
        found.extend(excerpt_credit(v, line));
        // "Follow [the paper's reporter] Jo Reed on Twitter": the name
        // right before "on"; "Follow Jo Reed and Tom Poe on …" is two
        if v.low(first) == "follow" {
            if let Some(on) = (first + 1..line.end).find(|&k| v.low(k) == "on") {
                let mut s = on;
                while s > first + 1
                    && (v.is_word(s - 1) && v.cap(s - 1) || is_dot_of_initial(v, s - 1))
                {
                    s -= 1;
                }
                if let Some(run) = name_run_at(v, s, on).filter(|r| r.end == on) {
                    found.push(run);
                    if v.low(s - 1) == "and" {
                        found.push(Range {
                            first: s - 1,
                            end: s,
                        });
                    }
                }
            }
            continue;
        }
        // "— Jo Reed" closing the article, not a quotation's signature
        if i + 1 == lines.len() && !(first > 0 && v.is_quote(first - 1)) {
            if let Some(run) = v
                .signature_at(first)
                .filter(|r| (r.first..r.end).filter(|&k| v.is_word(k)).count() >= 2)
            {
                found.push(run);
                continue;
            }
        }
        // "Jo Reed is a professor …", "Jo Reed, a novelist, writes …": a
        // bio of someone the article has not named before
        let words = (first..line.end).filter(|&k| v.is_word(k)).count();
        let Some(run) = name_run_at(v, first, line.end) else {
            continue;
        };
        let mut verb = run.end;
        if v.s(verb) == "," {
            verb = (verb + 1..line.end.min(verb + 16))
                .find(|&k| v.s(k) == ",")
                .map_or(line.end, |c| c + 1);
        }
        // "is a professor", not "is taking over" or "is expected to"
        let after = v.low(verb + 1);
        let predicate = !(after.ends_with("ing")
            || after.ends_with("ed")
            || matches!(after.as_ref(), "not" | "to" | "set" | "still"));
        let bio_verb = verb < line.end
            && matches!(
                v.low(verb).as_ref(),
                "is" | "writes" | "teaches" | "covers" | "edits" | "blogs"
            )
            && (v.low(verb) != "is" || predicate);
        // named before: the surname alone or after a title ("Reed said",
        // "Ms. Reed"), or the whole name; not a relative of the same
        // surname under another given name ("my parents, Al and Mae Reed")
        let surname = v.low(run.end - 1);
        let named_before = (0..first).any(|k| {
            v.is_word(k)
                && v.low(k) == surname
                && (k == 0
                    || v.text.is_sentence_start(k)
                    || !(v.is_word(k - 1) && v.cap(k - 1))
                    || lexicon::is_title(&v.low(k - 1))
                    || (run.first..run.end - 1).any(|g| v.low(g) == v.low(k - 1)))
        });
        if bio_verb && words <= MAX_BIO_WORDS && !named_before {
            found.push(run);
            // "Jo Reed is … Tom Poe is …": a second bio is a second author
            let second = (verb + 1..line.end).any(|k| {
                v.text.is_sentence_start(k)
                    && name_run_at(v, k, line.end)
                        .is_some_and(|r| r.end < line.end && v.low(r.end) == "is")
            });
            if second {
                found.push(Range {
                    first: verb,
                    end: verb + 1,
                });
            }
        }
    }
    let first = *found.first()?;
    found
        .iter()
        .all(|&r| same_name(v, r, first))
        .then_some(first)
}

/// The author an excerpt's credit line names: "From The Long Road by Jo
/// Reed.", "Excerpted from … by Jo Reed", "Copyright © 2020 by Jo Reed".
fn excerpt_credit(v: &View<'_, '_>, line: Range) -> Option<Range> {
    if !matches!(
        v.low(line.first).as_ref(),
        "from" | "excerpted" | "adapted" | "reprinted"
    ) {
        return None;
    }
    let by = (line.first + 1..line.end).find(|&k| v.low(k) == "by")?;
    name_run_at(v, by + 1, line.end)
}

/// Whether the words of `r` are discourse connectives only ("But,",
/// "That said,", "And now"); punctuation and quotation marks aside.
pub(super) fn only_connectives(v: &View<'_, '_>, r: Range) -> bool {
    let mut words: Vec<std::borrow::Cow<'_, str>> = Vec::new();
    for k in r.first..r.end {
        if v.is_word(k) {
            words.push(v.low(k));
        } else if !(v.is_quote(k)
            || matches!(v.s(k), "," | "." | ";" | ":" | "…" | "-" | "—" | "–"))
        {
            return false;
        }
    }
    let words: Vec<&str> = words.iter().map(|w| w.as_ref()).collect();
    let mut at = 0;
    while at < words.len() {
        match lexicon::connective_len(&words[at..]) {
            0 => return false,
            n => at += n,
        }
    }
    !words.is_empty()
}

/// Reported `content` without the writer's connective opening its
/// sentence ("But with each contest, support grew, Roe said" / "In
/// contrast, Roe said, the town grew"): the connective links the writer's
/// sentences and is no part of what the speaker said; so is an attribution
/// right after it. Only a coordinator or a sentence adverb goes, not a
/// subordinator ("Because …") nor a time word ("Now …"), and only from a
/// quotation-free clause start.
fn after_lead_connective(v: &View<'_, '_>, content: Range) -> Range {
    let first = content.first;
    if v.in_quote(first) || !v.cap(first) || !v.text.is_sentence_start(first) {
        return content;
    }
    let words: Vec<String> = (first..content.end.min(first + 4))
        .take_while(|&k| v.is_word(k))
        .map(|k| v.low(k).into_owned())
        .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    // "And yet, …", "But still …": connectives stack
    let mut k = first;
    loop {
        let at = k - first;
        let n = lexicon::connective_len(words.get(at..).unwrap_or_default());
        let next = words.get(at + n).copied().unwrap_or_default();
        let linking = n > 1
            || n == 1
                && !lexicon::is_subordinator(words[at])
                && !matches!(
                    words[at],
                    "now" | "then" | "first" | "second" | "third" | "finally" | "again" | "well"
                )
                // "Rather than …", "So are the others": a comparison or an
                // inversion, not a connective
                && next != "than"
                && !lexicon::is_aux(next);
        if !linking {
            break;
        }
        k += n;
        if v.s(k) == "," {
            k += 1;
            break;
        }
    }
    if k == first {
        return content;
    }
    // "In contrast, Roe said, …": the attribution between commas goes too
    if let Some(cue) = (k + 1..content.end.min(k + 8)).find(|&j| v.cue_at(j).is_some()) {
        let subject_then_cue = v.s(cue + 1) == ","
            && v.subject_before(cue, k).is_some_and(|np| np.first == k)
            && (k..cue).all(|j| v.is_word(j) || v.s(j) == ".");
        if subject_then_cue {
            k = cue + 2;
        }
    }
    let rest = (k..content.end).filter(|&j| v.is_word(j)).count();
    if rest < 2 || !v.is_word(k) && !v.is_quote(k) {
        return content;
    }
    Range {
        first: k,
        ..content
    }
}

/// Trim reported content: a leading opening mark, trailing punctuation
/// (keeping what sits inside a final closing mark).
fn trim_reported(v: &View<'_, '_>, mut first: usize, mut end: usize) -> Option<Range> {
    while first < end && (v.is_quote(first) || matches!(v.s(first), "," | ":" | "-" | "—")) {
        first += 1;
    }
    while end > first {
        let k = end - 1;
        if v.is_quote(k) {
            end = k;
            break;
        }
        if v.is_terminal(k) || matches!(v.s(k), "," | ":" | ";" | "-" | "—" | "(") {
            end = k;
            continue;
        }
        break;
    }
    first = after_dateline(v, first, end);
    let words = (first..end).filter(|&k| v.is_word(k)).count();
    (words >= 1 && end > first).then_some(Range { first, end })
}

/// The first token after a dateline opening a paragraph at `first`
/// ("NORTHFIELD, Ohio (AP) — …", "New York (AFP) – …", "LAKEVILLE - …"):
/// capitalized words, numbers and commas, with a word in capitals or an
/// agency in brackets, up to a dash; else `first`.
fn after_dateline(v: &View<'_, '_>, first: usize, end: usize) -> usize {
    if !marks::paragraph_starts_at(v.text, first) {
        return first;
    }
    let mut marked = false;
    let mut k = first;
    while k < end && k < first + 16 {
        let s = v.s(k);
        // a spaced dash: "(R-Ohio)" joins its words
        let spaced = v.text.tokens()[k].space_before
            || v.text.tokens().get(k + 1).is_some_and(|t| t.space_before);
        if matches!(s, "—" | "–" | "-" | "--") && k > first && spaced {
            return if marked && k + 1 < end { k + 1 } else { first };
        }
        if s == "(" {
            marked = true;
        } else if v.is_word(k) {
            if !v.cap(k) {
                return first;
            }
            marked |= v.s(k).chars().count() >= 3 && v.text.is_all_caps(k);
        } else if !(matches!(s, "," | "." | ")")
            || v.kind(k) == Some(crate::text::TokenKind::Number))
        {
            return first;
        }
        k += 1;
    }
    first
}

/// `"…," he said` / `"…" said Roe` / `"…," Jane Roe, chief
/// economist at Acme Bank, said`: a cue right after the closing mark.
fn cue_after(v: &View<'_, '_>, q: &Quoted) -> Option<(Range, Who)> {
    let a = q.close? + 1;
    // a new paragraph is a new passage: "Roe reported from Dover." under
    // a quotation is the reporter's credit line, not its cue
    if a >= v.len() || marks::paragraph_starts_at(v.text, a) {
        return None;
    }
    // a quotation that ended its sentence ('"…?" Roe asked.') only takes
    // a short cue clause that is a whole sentence by itself
    let strict = v.text.is_sentence_start(a);
    let mut k = a;
    if matches!(v.s(k), "," | "—" | "–" | "-") {
        k += 1;
    }
    let start = k;
    let sent_end = v.sentence(k.min(v.len() - 1)).end;
    // a name with a long appositive may stand between quotation and cue
    while k < v.len() && k < start + 28 && k < sent_end.max(start + 1) {
        if v.in_quote(k) || v.is_terminal(k) || v.s(k) == ";" {
            return None;
        }
        let w = v.low(k);
        // '"…," Ann Poe, who led the board, told Metro News': a relative
        // clause on the subject, then the cue
        if w == "who" && !strict {
            if let Some(found) = cue_after_relative(v, start, k) {
                return Some(found);
            }
        }
        if lexicon::is_clause_breaker(&w) {
            return None;
        }
        if let Some(class) = v.cue_at(k) {
            if class == CueClass::Fragment {
                return None;
            }
            let cue = Range {
                first: k,
                end: k + 1,
            };
            if k == start {
                // inverted: said X (not a participle: '"x," saying that …',
                // nor a *tell* verb, whose noun phrase is the addressee)
                if lexicon::is_ing(&w) || class == CueClass::Tell {
                    return None;
                }
                let np = inverted_subject(v, k)?;
                let first = v.low(np.first);
                // "said former Gov. Jane Roe": a lowercase modifier of a title
                let modified_title =
                    matches!(first.as_ref(), "former" | "then" | "acting") && v.cap(np.first + 1);
                // "said conservative activist Jane Roe": lowercase role
                // words before the name that ends the phrase
                let role_then_name = v.cap(np.end - 1)
                    && np.end - np.first <= 8
                    && v.is_word(np.first)
                    && !lexicon::is_left_barrier(&first)
                    && (np.first..np.end)
                        .all(|j| !(v.verbish(j) || v.irregular_past(j) || v.cue_at(j).is_some()))
                    && !name_after_preposition(v, np);
                if !(v.cap(np.first)
                    || modified_title
                    || role_then_name
                    || lexicon::is_subject_pronoun(&first)
                    || lexicon::is_determiner(&first) && first != "that")
                {
                    return None;
                }
                if strict && !ends_cue_sentence(v, np.end) {
                    return None;
                }
                // the speaker of "said conservative activist Jane Roe" is
                // the name (the role words describe it)
                let np = if role_then_name && !v.cap(np.first) && !modified_title {
                    let mut f = np.end - 1;
                    while f > np.first && (v.cap(f - 1) || is_dot_of_initial(v, f - 1)) {
                        f -= 1;
                    }
                    Range { first: f, ..np }
                } else {
                    np
                };
                return Some((cue, Who::Subject(Subject::Np(np))));
            }
            // '"…," Jane Roe, R-Ohio, said' / '"…," Jane Roe, the head of
            // sales, said': a name opening the clause, its tag or
            // appositive between commas, then the cue
            if let Some(name) = tagged_name_before(v, start, k) {
                if strict && !ends_cue_sentence(v, k + 1) {
                    return None;
                }
                return Some((cue, Who::Subject(Subject::Np(name))));
            }
            let np = v.subject_before(k, start)?;
            let role_then_name = role_then_name(v, start, np);
            // "panel Chairman Jane Roe said": a lowercase modifier the
            // subject scan leaves out
            let lead_modifier = np.first > start
                && np.first - start <= 2
                && !lexicon::is_ing(&w)
                && (start..np.first).all(|j| {
                    let x = v.low(j);
                    v.is_word(j)
                        && !v.cap(j)
                        && !v.verbish(j)
                        && v.cue_at(j).is_none()
                        && !lexicon::is_object_marker(&x)
                        && !lexicon::is_determiner(&x)
                        && !lexicon::is_left_barrier(&x)
                });
            if np.first != start && !role_then_name && !lead_modifier
                || strict && (k - start > 4 || !ends_cue_sentence(v, k + 1))
            {
                return None;
            }
            return Some((cue, Who::Subject(Subject::Np(np))));
        }
        k += 1;
    }
    None
}

/// Whether a preposition in `np` takes a name as its object, right after
/// it or after an article ("a person close to the Roes", "an aide to
/// Gov. Roe", "a user from Dover"): the name is not who the phrase is,
/// unlike the name after role words ("master of ceremonies Jane Roe").
fn name_after_preposition(v: &View<'_, '_>, np: Range) -> bool {
    (np.first..np.end).any(|j| {
        let x = v.low(j);
        if !(v.is_word(j) && (lexicon::is_np_preposition(&x) || x == "to")) {
            return false;
        }
        // ("an aide to both Roes")
        let mut k = j + 1;
        if lexicon::is_determiner(&v.low(k)) {
            k += 1;
        }
        k < np.end && v.cap(k)
    })
}

/// A capitalized name from `start` followed by a comma-closed tag or
/// appositive ending right before the cue at `cue` ("Jane Roe, R-Ohio,"
/// / "Jane Roe, the head of sales,"): the name.
pub(super) fn tagged_name_before(v: &View<'_, '_>, start: usize, cue: usize) -> Option<Range> {
    if cue < start + 3 || v.s(cue - 1) != "," || !v.cap(start) {
        return None;
    }
    let mut e = start;
    while e < cue && e < start + 6 && (v.cap(e) || is_dot_of_initial(v, e) || v.s(e) == ".") {
        e += 1;
    }
    if e == start || v.s(e) != "," || e + 1 >= cue - 1 {
        return None;
    }
    let tag_ok = (e + 1..cue - 1)
        .all(|j| !(v.in_quote(j) || v.is_terminal(j) && v.s(j) != "." || v.cue_at(j).is_some()))
        && cue - 1 - e <= 24;
    // the name is a name: not a lone determiner or pronoun
    let first = v.low(start);
    let name_ok = !lexicon::is_determiner(&first) && !lexicon::is_subject_pronoun(&first);
    (tag_ok && name_ok).then_some(Range {
        first: start,
        end: e,
    })
}

/// Longest relative clause on a subject between it and its cue, in tokens.
const MAX_RELATIVE: usize = 24;

/// The subject `start..who-1` closed by a non-restrictive relative clause
/// opening at `who` and ending at a comma right before the cue at `cue`
/// ("Ann Poe, who led the board, told"): a noun phrase of a few words,
/// without a verb of its own.
pub(super) fn relative_subject(
    v: &View<'_, '_>,
    start: usize,
    who: usize,
    cue: usize,
) -> Option<Range> {
    let np_ok = who > start + 1
        && who - start <= 10
        && v.s(who - 1) == ","
        && v.low(who) == "who"
        && (start..who - 1).all(|j| {
            !(v.in_quote(j)
                || v.is_terminal(j)
                || v.verbish(j)
                || v.cue_at(j).is_some()
                || matches!(v.s(j), "," | ";" | ":"))
        });
    let rel_ok = cue > who + 2
        && cue - who <= MAX_RELATIVE
        && v.s(cue - 1) == ","
        && (who..cue).all(|j| !(v.in_quote(j) || v.is_terminal(j) || matches!(v.s(j), ";" | ":")));
    (np_ok && rel_ok).then_some(Range {
        first: start,
        end: who - 1,
    })
}

/// The cue after a relative clause opening at `who` on the subject that
/// starts at `start`: the first speech verb right after a comma that
/// closes the clause.
fn cue_after_relative(v: &View<'_, '_>, start: usize, who: usize) -> Option<(Range, Who)> {
    let sent_end = v.sentence(who).end;
    let cue = (who + 1..sent_end.min(who + MAX_RELATIVE + 1))
        .take_while(|&j| !(v.in_quote(j) || v.is_terminal(j)))
        .find(|&j| {
            v.s(j - 1) == ","
                && v.cue_at(j)
                    .is_some_and(|c| !matches!(c, CueClass::Fragment))
        })?;
    let np = relative_subject(v, start, who, cue)?;
    Some((
        Range {
            first: cue,
            end: cue + 1,
        },
        Who::Subject(Subject::Np(np)),
    ))
}

/// Whether `np`, the subject before a cue, is a name introduced by a role
/// phrase opening at `start` between commas ("the head of sales, Jane
/// Roe, said", "Roe's niece, Jane Doe, said").
pub(super) fn role_then_name(v: &View<'_, '_>, start: usize, np: Range) -> bool {
    np.first > start + 1
        && v.s(np.first - 1) == ","
        && v.cap(np.first)
        && np.first - start <= 9
        && (lexicon::is_determiner(&v.low(start))
            || v.cap(start) && matches!(v.s(start + 1), "'s" | "’s"))
        && (start..np.first - 1)
            .all(|j| !(v.in_quote(j) || v.verbish(j) || v.cue_at(j).is_some() || v.s(j) == ","))
}

/// Whether the sentence ends at token `k` (after the addressee of a
/// *tell* cue, optional time words and one prepositional phrase of plain
/// words): the cue clause is all there is ("Roe asked on Tuesday.", "Roe
/// said to cheers.", "she said in an interview.", "Roe told reporters on
/// a call."), or an adverbial clause hangs on it, after a comma or not
/// ("Roe asked, smiling.", "Roe went on, as if she had not heard.", "Roe
/// said as she left."). Not before a quotation, a "that" or "if" clause
/// or anything else: "Roe added, “…”" opens the next statement.
fn ends_cue_sentence(v: &View<'_, '_>, mut k: usize) -> bool {
    const PHRASE_WORDS: usize = 6;
    // a topic ("said of Roe's bid to win the county") is a noun phrase
    // with its complement: longer than a phrase of place or time
    const TOPIC_WORDS: usize = 10;
    const ADDRESSEE_WORDS: usize = 4;
    // the particle of a phrasal cue ("Roe went on.", "Doe shot back,")
    let particle = matches!(v.low(k).as_ref(), "on" | "up" | "back" | "out")
        || k > 0 && lexicon::is_phrasal_cue(&v.low(k - 1), &v.low(k));
    if particle && k + 1 < v.len() && (v.is_terminal(k + 1) || v.s(k + 1) == ",") {
        k += 1;
    }
    // "Roe told reporters", "Roe told The Ledger": the addressee, a noun
    // phrase of plain words up to a preposition or the sentence's end
    if k > 0 && v.cue_at(k - 1) == Some(CueClass::Tell) {
        let first = k;
        while k < v.len()
            && k < first + ADDRESSEE_WORDS
            && v.is_plain_tail_word(k)
            && !lexicon::opens_cue_phrase(&v.low(k))
            && !lexicon::is_subordinator(&v.low(k))
        {
            k += 1;
        }
    }
    let stop = k + 4;
    while k < v.len() && k < stop && lexicon::is_time_word(&v.low(k)) {
        k += 1;
    }
    if k < v.len() && v.is_word(k) && !v.in_quote(k) && lexicon::opens_cue_phrase(&v.low(k)) {
        let first = k + 1;
        let words = if lexicon::is_topic_preposition(&v.low(k)) {
            TOPIC_WORDS
        } else {
            PHRASE_WORDS
        };
        let mut e = first;
        while e < v.len() && e < first + words && v.is_plain_tail_word(e) {
            e += 1;
        }
        if e > first {
            k = e;
        }
    }
    let adjunct = |w: &str| lexicon::is_ing(w) || lexicon::is_subordinator(w);
    // "Roe said as she left": a clause of time or manner; "said if …"
    // opens the content of a new statement
    let clause = |k: usize| {
        let w = v.low(k);
        v.is_word(k) && !v.in_quote(k) && lexicon::is_subordinator(&w) && w != "if"
    };
    k >= v.len()
        || v.is_terminal(k)
        || v.s(k) == "," && v.is_word(k + 1) && !v.in_quote(k + 1) && adjunct(&v.low(k + 1))
        || clause(k)
}

/// The speaker after an inverted cue: "said Acme CEO Jane Roe", "said
/// the senior strategist for X, John Doe".
fn inverted_subject(v: &View<'_, '_>, k: usize) -> Option<Range> {
    let sent_end = v.sentence(k).end;
    let np = v.np_rightward(k + 1, sent_end)?;
    let head_end = (np.first + 1..np.end)
        .find(|&k| v.is_word(k) && lexicon::is_np_preposition(&v.low(k)))
        .unwrap_or(np.end);
    if !v.cap(head_end - 1) && v.s(np.end) == "," && v.cap(np.end + 1) {
        // appositive name
        let mut e = np.end + 1;
        while e < sent_end
            && e < np.end + 8
            && (v.cap(e) || matches!(v.s(e), "-" | "."))
            && v.is_word(e)
        {
            e += 1;
        }
        if e >= sent_end || v.is_terminal(e) || v.s(e) == "," {
            return Some(Range {
                first: np.end + 1,
                end: e,
            });
        }
    }
    Some(np)
}

/// Whether the quotation `q` opens right after the speech verb of an
/// opening adverbial clause and its comma ("When a heckler yelled, “…,”
/// Roe replied", "After Doe said, “…,” the hall went quiet"): the clause
/// from its subordinator to the verb has a subject and no other comma,
/// and the verb is a finite one (not "saying").
fn opens_after_clause_cue(v: &View<'_, '_>, q: &Quoted) -> bool {
    let Some(c) = q.open.checked_sub(2) else {
        return false;
    };
    let floor = v.sentence(c).first;
    if v.s(c + 1) != ","
        || !v.is_word(c)
        || v.in_quote(c)
        || lexicon::is_ing(&v.low(c))
        || !matches!(v.cue_at(c), Some(CueClass::Say | CueClass::DirectOnly))
    {
        return false;
    }
    (floor..c)
        .rev()
        .take_while(|&k| !v.in_quote(k) && !matches!(v.s(k), "," | ";" | ":" | "—" | "–"))
        .find(|&k| v.is_word(k) && lexicon::is_subordinator(&v.low(k)))
        .is_some_and(|s| v.subject_before(c, s).is_some_and(|np| np.first > s))
}

/// A cue before the quotation in its sentence: `X said, "…"`, `saying:
/// "…"`, `called it the "…"`, `described as "…"`.
fn cue_before(v: &View<'_, '_>, q: &Quoted, fragment: bool) -> Option<(Range, Who)> {
    let sent = v.sentence(q.open);
    let floor = sent.first;
    let mut k = q.open;
    let limit = if fragment { 14 } else { 20 };
    while k > floor && q.open - k < limit {
        k -= 1;
        if v.in_quote(k) || v.s(k) == ";" || v.is_terminal(k) {
            return None;
        }
        let w = v.low(k);
        if lexicon::is_clause_breaker(&w) {
            return None;
        }
        let Some(class) = v.cue_at(k) else {
            continue;
        };
        // fragments: a naming/judging verb with an explicit subject, or a
        // speech verb right before the quotation ('said "no"')
        if fragment {
            let close = q.open - k <= 3 && class != CueClass::Fragment;
            // a comma before the verb closes an appositive ("Roe, a critic,
            // called it …") when a name stands before it
            let after_appositive = k.checked_sub(1).is_some_and(|p| v.s(p) == ",")
                && v.subject_before(k, floor).is_some_and(|np| v.cap(np.first));
            let naming_ok = class == CueClass::Fragment
                && k > floor
                && (v.s(k - 1) != "," || after_appositive)
                && !lexicon::is_passive_aux(&v.low(k - 1));
            let passive_by = v.low(k + 1) == "by";
            if !(close || naming_ok || passive_by) {
                return None;
            }
        }
        // direct-only verbs introduce a quotation right away ("commented: …")
        if class == CueClass::DirectOnly && !fragment {
            let between_ok = (k + 1..q.open).all(|j| !v.is_word(j) || j + 3 >= q.open);
            // "Roe joked, again in a mock drawl, “…”": an aside between
            // commas, with no clause of its own, still leads to the words
            let aside = q.open >= k + 4
                && q.open - k <= 12
                && v.s(k + 1) == ","
                && v.s(q.open - 1) == ","
                && (k + 2..q.open - 1).all(|j| {
                    v.is_word(j)
                        && !v.in_quote(j)
                        && v.cue_at(j).is_none()
                        && !lexicon::is_subject_pronoun(&v.low(j))
                });
            if !(between_ok || aside || w.starts_with("spoke") || w.starts_with("comment")) {
                continue;
            }
        }
        let cue = Range {
            first: k,
            end: k + 1,
        };
        // passive with an agent: "praised by Roe as", "as reported by X"
        if v.low(k + 1) == "by" {
            if let Some(np) = v.np_rightward(k + 2, q.open) {
                return Some((cue, Who::Subject(Subject::Np(np))));
            }
        }
        if lexicon::is_ing(&w) {
            return Some((cue, Who::Subject(reported::participle_subject(v, k, floor))));
        }
        // "reprised the angry chant “…”": a noun, whose modifiers are no
        // speaker
        if let Some(subject) = reported::noun_cue_subject(v, k, floor) {
            return Some((cue, Who::Subject(subject)));
        }
        let before_mark = if matches!(v.s(q.open - 1), ":" | ",") {
            q.open - 1
        } else {
            q.open
        };
        let subject = inverted_before(v, k, floor, before_mark).or_else(|| v.cue_subject(k, floor));
        // "as they say, …": a saying, nobody's statement
        if let Some(np) = subject {
            let generic = np.end == np.first + 1
                && v.low(np.first) == "they"
                && np.first > 0
                && v.low(np.first - 1) == "as";
            if generic {
                return Some((cue, Who::Subject(Subject::Nobody)));
            }
        }
        return Some((
            cue,
            Who::Subject(match subject {
                Some(np) => Subject::Np(np),
                None => Subject::MainClause,
            }),
        ));
    }
    None
}

/// The [`inverted_subject`] of a cue that opens its clause, when it runs
/// up to `end` (the quotation's mark or the colon before it) and holds a
/// name: "In other words, explained moderator Ann Cole: “…”".
fn inverted_before(v: &View<'_, '_>, k: usize, floor: usize, end: usize) -> Option<Range> {
    if !(k == floor || v.s(k - 1) == ",") || lexicon::is_np_preposition(&v.low(k + 1)) {
        return None;
    }
    // a name before the comma is the subject ("Roe, a critic, said in …")
    let named_before = v
        .cue_subject(k, floor)
        .is_some_and(|np| (np.first..np.end).any(|j| v.cap(j)));
    if named_before {
        return None;
    }
    inverted_subject(v, k).filter(|np| np.end == end && (np.first..np.end).any(|j| v.cap(j)))
}

/// No cue: the speaker is named by the layout.
const NO_CUE: Range = Range { first: 0, end: 0 };

/// A transcript turn quoted whole: `"ROE: We will …"`, the speaker's name
/// in capitals and a colon opening the quotation.
fn transcript_speaker(v: &View<'_, '_>, q: &Quoted) -> Option<(Range, Who)> {
    let mut k = q.first;
    while k < q.end && k < q.first + 3 && v.is_word(k) && v.text.is_all_caps(k) && v.s(k).len() > 1
    {
        k += 1;
    }
    (k > q.first && k < q.end && v.s(k) == ":").then_some((
        NO_CUE,
        Who::Subject(Subject::Np(Range {
            first: q.first,
            end: k,
        })),
    ))
}

/// Paragraphs opening with a person's name and a colon (`Roe: We will
/// act.`, `JANE ROE: …`): the name and the content after the colon, up to
/// the paragraph's end or the next turn in it (`Roe: “…” Doe: “…”`). The
/// name must be a person the entity stage found, so that "Breaking:" or
/// "Update:" open nothing.
fn colon_turns(v: &View<'_, '_>, entities: &[Entity]) -> Vec<(Range, Range)> {
    let toks = v.text.tokens();
    let mut out = Vec::new();
    // the colon after a person's name opening at `p`
    let turn_at = |p: usize| {
        let mut k = p;
        while k < toks.len() && k < p + 4 && (v.cap(k) || is_dot_of_initial(v, k)) {
            k += 1;
        }
        (k > p && v.s(k) == ":" && !v.in_quote(p) && person_mention_at(v, entities, p, k))
            .then_some(k)
    };
    for start in 0..toks.len() {
        if !marks::paragraph_starts_at(v.text, start) {
            continue;
        }
        let mut end = start + 1;
        while end < toks.len() && toks[end].newlines_before == 0 {
            end += 1;
        }
        let mut p = start;
        while let Some(k) = turn_at(p) {
            // the next turn opens a sentence of the same paragraph
            let next = (k + 1..end).find(|&m| v.text.is_sentence_start(m) && turn_at(m).is_some());
            if let Some(content) = trim_reported(v, k + 1, next.unwrap_or(end)) {
                let words = (content.first..content.end)
                    .filter(|&j| v.is_word(j))
                    .count();
                if words >= 3 {
                    out.push((Range { first: p, end: k }, content));
                }
            }
            match next {
                Some(m) => p = m,
                None => break,
            }
        }
    }
    out
}

/// Whether tokens `first..end` are exactly a mention of a person the
/// entity stage found.
fn person_mention_at(v: &View<'_, '_>, entities: &[Entity], first: usize, end: usize) -> bool {
    let toks = v.text.tokens();
    let (Some(a), Some(b)) = (
        toks.get(first),
        end.checked_sub(1).and_then(|l| toks.get(l)),
    ) else {
        return false;
    };
    let (cs, ce) = (a.cstart as usize, b.cend as usize);
    entities.iter().any(|e| {
        e.kind == EntityType::Person && e.mentions.iter().any(|m| m.start == cs && m.end == ce)
    })
}

/// An attribution after a dash closing the line: `"…" ― Jane Roe`.
fn dash_attribution(v: &View<'_, '_>, q: &Quoted) -> Option<(Range, Who)> {
    let d = q.close? + 1;
    if !matches!(v.s(d), "―" | "—" | "–") || v.in_quote(d) {
        return None;
    }
    let first = d + 1;
    let mut e = first;
    while e < v.len()
        && e < first + 6
        && (v.cap(e) || is_dot_of_initial(v, e))
        && v.text.tokens()[e].newlines_before == 0
    {
        e += 1;
    }
    let line_ends = e >= v.len()
        || v.text.tokens()[e].newlines_before > 0
        || v.is_terminal(e)
            && v.text
                .tokens()
                .get(e + 1)
                .is_none_or(|t| t.newlines_before > 0);
    (e > first && line_ends && v.cap(first))
        .then_some((NO_CUE, Who::Subject(Subject::Np(Range { first, end: e }))))
}

/// The dot after a capital initial inside a name ("Jane Q. Roe").
pub(super) fn is_dot_of_initial(v: &View<'_, '_>, k: usize) -> bool {
    v.s(k) == "." && k > 0 && v.s(k - 1).chars().count() == 1 && v.cap(k - 1) && v.cap(k + 1)
}

/// A quotation opened by a colon after a clause with no speech verb whose
/// subject is a name ("Jane Roe gave the idea a try on radio: "…""), a
/// person known by one name ("Roe went further: "…"") or a personal
/// pronoun ("She was blunt: "…""): the words are that subject's, not the
/// previous speaker's.
fn colon_subject(v: &View<'_, '_>, q: &Quoted, entities: &[Entity]) -> Option<(Range, Who)> {
    let colon = q.open.checked_sub(1)?;
    if v.s(colon) != ":" || v.in_quote(colon) {
        return None;
    }
    let np = heading_byline(v, colon).or_else(|| sentence_subject(v, colon))?;
    // a full name (two capitalized words at least), not a pronoun or a
    // capitalized common noun ("Transcript follows:")
    let first = v.low(np.first);
    let capitals = (np.first..np.end)
        .filter(|&k| v.is_word(k) && v.cap(k))
        .count();
    let named = v.cap(np.first)
        && capitals >= 2
        && !lexicon::is_determiner(&first)
        && !lexicon::is_subject_pronoun(&first)
        && np.end <= colon;
    let personal = np.end == np.first + 1 && matches!(first.as_ref(), "he" | "she" | "they");
    let known_person = person_mention_at(v, entities, np.first, np.end) && np.end <= colon;
    // the colon ends the clause of that subject: no other clause with a
    // subject of its own ("…, and the paper has proof:", "so upset that I
    // had to answer:") stands between them
    let own_clause = np.end <= colon
        && (np.end..colon).all(|k| {
            let w = v.low(k);
            let other_pronoun = lexicon::is_subject_pronoun(&w) && w != first;
            let that_clause = w == "that" && v.is_word(k + 1);
            let and_clause = w == "and"
                && (v.cap(k + 1) || lexicon::is_determiner(&v.low(k + 1)))
                && !v.in_quote(k + 1);
            v.in_quote(k) || !(other_pronoun || that_clause || and_clause)
        });
    (named || own_clause && (personal || known_person))
        .then_some((NO_CUE, Who::Subject(Subject::Np(np))))
}

/// The person named between "including", "among them" or "such as" and
/// the colon or dash at `mark` opening a quotation: "…, including Sen.
/// Jane Roe: “…”". One name (a tagged person or two capitalized words at
/// least, titles and initials inside), nothing else in between.
pub(super) fn member_before_mark(
    v: &View<'_, '_>,
    mark: usize,
    entities: &[Entity],
) -> Option<Range> {
    if v.in_quote(mark) {
        return None;
    }
    // a dash typed as two hyphens ("Roe -- “…”") is two tokens
    let mark = if v.s(mark) == "-" && mark > 0 && v.s(mark - 1) == "-" {
        mark - 1
    } else {
        mark
    };
    if !(matches!(v.s(mark), ":" | "—" | "–" | "--") || v.spaced_hyphen(mark)) {
        return None;
    }
    let mut first = mark;
    while first > 0
        && (v.is_word(first - 1) && v.cap(first - 1)
            || v.s(first - 1) == "."
                && first >= 2
                && (is_dot_of_initial(v, first - 1) || lexicon::is_title(&v.low(first - 2))))
    {
        first -= 1;
    }
    if first == mark || first == 0 || v.in_quote(first) {
        return None;
    }
    let intro = v.low(first - 1);
    let before = if first >= 2 {
        v.low(first - 2)
    } else {
        "".into()
    };
    let introduced = intro == "including"
        || intro == "them" && before == "among"
        || intro == "as" && before == "such";
    if !introduced {
        return None;
    }
    // the name without its titles: "Sen. Jane Roe" is Jane Roe
    let mut name = first;
    while name < mark && (lexicon::is_title(&v.low(name)) || v.s(name) == ".") {
        name += 1;
    }
    let capitals = (name..mark).filter(|&k| v.is_word(k)).count();
    (capitals >= 2 || person_mention_at(v, entities, name, mark)).then_some(Range {
        first: name,
        end: mark,
    })
}

/// "SECTION HEADING - Jane Roe and Tom Poe: “…”": a newsletter item
/// opens with a heading, a spaced dash and its authors before the colon.
/// The names between the dash and the colon are the subject; the heading
/// is nobody (capitalized words with no verb of their own). Only names,
/// "and" and commas may stand there, two capitalized words at least.
fn heading_byline(v: &View<'_, '_>, colon: usize) -> Option<Range> {
    let sent = v.sentence(colon).first;
    let dash = (sent + 1..colon).rev().find(|&k| {
        matches!(v.s(k), "—" | "–" | "-" | "--")
            && v.text.tokens()[k].space_before
            && v.text.tokens().get(k + 1).is_some_and(|t| t.space_before)
    })?;
    let names = dash + 1..colon;
    let ok = names.clone().all(|k| {
        v.cap(k) && v.is_word(k) || is_dot_of_initial(v, k) || matches!(v.s(k), "and" | ",")
    });
    let capitals = names.clone().filter(|&k| v.is_word(k) && v.cap(k)).count();
    // the heading before the dash is written in capitals or title case,
    // not a sentence ("Roe spoke - and Doe answered:")
    let heading = (sent..dash).all(|k| !v.is_word(k) || v.cap(k) || v.text.is_all_caps(k));
    (ok && capitals >= 2 && heading && names.end - names.start <= 12).then_some(Range {
        first: dash + 1,
        end: colon,
    })
}

/// A block quotation introduced by a cue and a colon ending the sentence or
/// paragraph before it: `Roe continued:` / `Roe says:` then `"…"`.
fn cue_colon_before(v: &View<'_, '_>, q: &Quoted) -> Option<(Range, Who)> {
    let colon = q.open.checked_sub(1)?;
    if v.s(colon) != ":" || v.in_quote(colon) {
        return None;
    }
    let floor = v.sentence(colon).first;
    let mut k = colon;
    while k > floor && colon - k < 10 {
        k -= 1;
        if v.in_quote(k) || v.is_terminal(k) || v.s(k) == ";" {
            return None;
        }
        let Some(class) = v.cue_at(k) else {
            continue;
        };
        if class == CueClass::Fragment {
            return None;
        }
        let cue = Range {
            first: k,
            end: k + 1,
        };
        let who = match inverted_before(v, k, floor, colon).or_else(|| v.cue_subject(k, floor)) {
            Some(np) => Subject::Np(np),
            None => Subject::MainClause,
        };
        return Some((cue, Who::Subject(who)));
    }
    None
}

/// A quotation opening the sentence after one that ends with a cue and
/// its speaker, in the same paragraph: "Or maybe next spring, adviser Tom
/// Reyes says. “…”", "Mara Stein agreed. “…”", "Then there is the budget,
/// said Tom Reyes. “…”". The sentence before made no quotation of its own
/// (its words a fragment, or none), so the previous speaker would take the
/// quotation over; the cue's subject speaks it. A sentence before that
/// holds a quotation ("“…,” Roe said. “…”") is left to the continuation.
/// A quotation opening a paragraph after a paragraph of one such sentence
/// introducing it ("Mara Stein continued her remarks.", "Stein
/// disagreed.") is the speaker's its subject names, not the speaker's of a
/// quotation further back.
fn cue_closing_sentence_before(v: &View<'_, '_>, q: &Quoted) -> Option<(Range, Who)> {
    let dot = q.open.checked_sub(1)?;
    if v.sentence(q.open).first != q.open || v.s(dot) != "." || !v.is_terminal(dot) {
        return None;
    }
    let prev = v.sentence(dot);
    if marks::paragraph_starts_at(v.text, q.open) {
        // a quoted line in title case or capitals is a heading; a
        // signature line under the quotation names its own speaker
        let close = q.close?;
        if labels::title_case_words(v, q.open + 1, close) || v.signature_after(close).is_some() {
            return None;
        }
        return introducing_paragraph(v, prev, dot);
    }
    // nor one right after a quotation: "“…?” Roe asked. “…”" is Roe's
    // cue of the quotation before it
    let after_quotation = !marks::paragraph_starts_at(v.text, prev.first)
        && prev
            .first
            .checked_sub(1)
            .is_some_and(|k| v.in_quote(k) || v.is_quote(k));
    if after_quotation || (prev.first..dot).any(|k| v.in_quote(k) || v.is_quote(k)) {
        return None;
    }
    let speech = |k: usize| v.cue_at(k).is_some_and(|c| c != CueClass::Fragment);
    let cue = |k: usize| Range {
        first: k,
        end: k + 1,
    };
    // "…, Tom Reyes says."
    let last = dot.checked_sub(1).filter(|&k| k > prev.first)?;
    if speech(last) {
        let np = v.cue_subject(last, prev.first)?;
        return Some((cue(last), Who::Subject(Subject::Np(np))));
    }
    // "…, said Tom Reyes."
    let k = (last.saturating_sub(8).max(prev.first + 1)..last)
        .rev()
        .find(|&k| v.s(k - 1) == "," && speech(k))?;
    let np = v.np_rightward(k + 1, dot).filter(|np| np.end == dot)?;
    Some((cue(k), Who::Subject(Subject::Np(np))))
}

/// The cue of a one-sentence paragraph `prev` (ending at `dot`) that
/// introduces the quotation of the next paragraph: a speech verb whose
/// subject opens the sentence, a name or a person, outside quotations.
fn introducing_paragraph(v: &View<'_, '_>, prev: Range, dot: usize) -> Option<(Range, Who)> {
    const MAX_WORDS: usize = 16;
    if !marks::paragraph_starts_at(v.text, prev.first)
        || dot - prev.first > MAX_WORDS
        || (prev.first..dot).any(|k| v.in_quote(k) || v.is_quote(k))
    {
        return None;
    }
    let k = (prev.first + 1..dot).find(|&k| v.cue_at(k).is_some())?;
    if v.cue_at(k) == Some(CueClass::Fragment) || lexicon::is_ing(&v.low(k)) {
        return None;
    }
    let np = v.cue_subject(k, prev.first)?;
    let named = v.cap(np.end - 1) || lexicon::is_subject_pronoun(&v.low(np.first));
    (np.first == prev.first && named).then_some((
        Range {
            first: k,
            end: k + 1,
        },
        Who::Subject(Subject::Np(np)),
    ))
}

/// The subject of the main clause of the sentence holding token `at`: the
/// first noun phrase, at the sentence start or after a comma (skipping
/// leading adverbials), that is followed by a lowercase word.
fn sentence_subject(v: &View<'_, '_>, at: usize) -> Option<Range> {
    let sent = v.sentence(at);
    // "PARIS, May 2 (Wire) - …": a dateline is no subject
    let mut s = after_dateline(v, sent.first, at);
    let mut tries = 0;
    while s < at && tries < 6 {
        tries += 1;
        let chunk = s;
        while s < at && s < chunk + 40 && (v.in_quote(s) || matches!(v.s(s), "," | "(" | ")")) {
            s += 1;
        }
        if s >= at {
            break;
        }
        let w = v.low(s);
        // the cue inside an opening adverbial clause ("Even as Roe was
        // praising the plan, …", "When Roe was asked, …"): the clause's
        // own subject speaks it, not the main clause's
        if let Some(np) = clause_subject_before_comma(v, s, at) {
            return Some(np);
        }
        let opener_ok = v.is_word(s)
            && (v.cap(s)
                || lexicon::is_determiner(&w)
                || lexicon::is_subject_pronoun(&w)
                || lexicon::is_group_head(&w))
            && !matches!(
                w.as_ref(),
                "in" | "on"
                    | "at"
                    | "during"
                    | "after"
                    | "before"
                    | "when"
                    | "while"
                    | "as"
                    | "for"
                    | "with"
                    | "however"
                    | "meanwhile"
                    | "since"
                    | "despite"
                    | "although"
                    | "though"
                    | "earlier"
                    | "later"
                    | "last"
                    | "but"
                    | "and"
                    | "also"
                    | "still"
                    | "yet"
                    | "by"
                    | "from"
                    | "to"
                    | "under"
                    | "according"
                    | "amid"
                    | "amidst"
                    | "among"
                    | "following"
                    | "throughout"
                    | "unlike"
                    | "if"
                    | "because"
                    | "this"
                    | "that"
                    | "so"
                    | "then"
                    | "now"
                    | "today"
                    | "yesterday"
            )
            && !lexicon::is_ing(&w)
            // "Instead, he …", "Even so, critics …": a connective opens
            // the sentence, the subject follows its comma
            && !lexicon::is_sentence_adverb(&w)
            && !(lexicon::is_focus_adverb(&w)
                && (lexicon::is_subordinator(&v.low(s + 1)) || v.low(s + 1) == "so"));
        if opener_ok {
            if let Some(np) = v.np_rightward(s, at) {
                let next = np.end;
                // one capitalized word before a preposition opens an
                // adverbial ("Shortly after …,", "Back in 2010,"), not
                // the subject, which follows the comma; after a comma it
                // is the subject ("In the hall, Roe on Monday said")
                let adverbial = np.end == np.first + 1
                    && v.cap(np.first)
                    && np.first == sent.first
                    && matches!(
                        v.low(next).as_ref(),
                        "after" | "before" | "since" | "during" | "until" | "in" | "on" | "at"
                    );
                // a lone adverb or participle opening the sentence
                // ("Privately, …", "Asked about it, …", "Like Roe, …")
                // is an adverbial too
                let opener = v.low(np.first);
                let adverbial = adverbial
                    || np.first == sent.first
                        && v.cap(np.first)
                        && (opener.len() > 4 && opener.ends_with("ly") && np.end == np.first + 1
                            || opener.len() > 4 && opener.ends_with("ed")
                            || lexicon::is_irregular_participle(&opener)
                            || opener == "like");
                if adverbial {
                    // fall through to the next comma-separated chunk
                } else if next < at && v.is_word(next) && !v.cap(next)
                    // "Jane Roe - who once ran for mayor - said": an aside
                    // between dashes after the subject
                    || next < at && v.spaced_hyphen(next)
                    || lexicon::is_subject_pronoun(&w)
                    // a name's bracketed tag: "Jane Roe (D-Ohio) said"
                    || v.cap(np.first) && v.s(next) == "(" && after_bracket_is_lower(v, next, at)
                    || v.s(next) == "," && v.cap(np.first) && !lexicon::is_determiner(&w)
                {
                    return Some(np);
                }
            }
        }
        // next comma-separated chunk
        let chunk = s;
        while s < at && v.s(s) != "," {
            s += 1;
            if s > chunk + 40 {
                return None;
            }
        }
    }
    None
}

/// The subject of an adverbial clause opening at `s` ("Even as Jane Roe
/// was …", "While aides were …") when the cue at `at` lies inside that
/// clause, before its comma: the noun phrase after the subordinator,
/// followed by a lowercase word.
fn clause_subject_before_comma(v: &View<'_, '_>, s: usize, at: usize) -> Option<Range> {
    let mut k = s;
    if lexicon::is_focus_adverb(&v.low(k)) {
        k += 1;
    }
    if !v.is_word(k) || !lexicon::is_subordinator(&v.low(k)) {
        return None;
    }
    // a comma or an open dash before the cue closes the clause first (a
    // pair of dashes only sets off an aside inside it)
    let dashes = (s..at)
        .filter(|&j| matches!(v.s(j), "—" | "–" | "--"))
        .count();
    if dashes % 2 == 1 || (s..at).any(|j| matches!(v.s(j), "," | ";" | ":") || v.in_quote(j)) {
        return None;
    }
    let mut np = v.np_rightward(k + 1, at)?;
    // "the council doesn’t track …": the phrase ends at its auxiliary
    if let Some(aux) = (np.first + 1..np.end).find(|&j| {
        let w = v.low(j);
        lexicon::is_aux(&w) || w.ends_with("n't") || w.ends_with("n’t")
    }) {
        np.end = aux;
    }
    let first = v.low(np.first);
    let subject =
        v.cap(np.first) || lexicon::is_subject_pronoun(&first) || lexicon::is_determiner(&first);
    // a determiner alone lost its noun ("those surveyed said")
    let bare = np.end == np.first + 1 && lexicon::is_pure_determiner(&first);
    (subject && !bare && np.end < at && v.is_word(np.end) && !v.cap(np.end)).then_some(np)
}

/// A one-word nickname quoted inside a name (Jane "Jay" Roe): nobody's
/// words, and no quotation that a subject or cue scan must stop at. Not in
/// the title line, where every word is capitalized.
fn is_nickname(v: &View<'_, '_>, q: &Quoted) -> bool {
    let Some(close) = q.close else {
        return false;
    };
    q.end == q.first + 1
        && q.open > 0
        && q.open >= v.title_line_end
        && v.is_word(q.first)
        && v.cap(q.first)
        && v.is_word(q.open - 1)
        && v.cap(q.open - 1)
        && !v.text.is_sentence_start(q.open - 1)
        && v.is_word(close + 1)
        && v.cap(close + 1)
        && v.sentence(q.open - 1) == v.sentence(close + 1)
}

/// Whether the bracket opening at `open` closes within a few tokens and
/// a lowercase word follows it ("(R-Ohio) said").
fn after_bracket_is_lower(v: &View<'_, '_>, open: usize, ceil: usize) -> bool {
    (open + 1..ceil.min(open + 10))
        .find(|&k| v.s(k) == ")")
        .is_some_and(|close| close + 1 < ceil && v.is_word(close + 1) && !v.cap(close + 1))
}

/// The quotes stage.
pub struct QuotesStage;

impl Stage for QuotesStage {
    fn name(&self) -> &'static str {
        "quotes"
    }
    fn apply(&self, doc: &Document<'_>, out: &mut Enrichment) {
        out.quotes = extract_with_dates(&doc.text, &out.entities, &out.dates);
    }
}
