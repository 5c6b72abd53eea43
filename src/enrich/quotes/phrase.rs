//! Token-level helpers shared by the cue, reported-speech and speaker code:
//! lowercased access, speech-verb detection with a light part-of-speech
//! check, and noun-phrase scanning to the left and right of a cue.

use std::borrow::Cow;

use super::lexicon::{self, CueClass};
use crate::enrich::parties;
use crate::text::{Text, TokenKind};

/// A half-open token range `first..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
}

/// Read-only view over the tokens with the helpers every pass needs.
pub struct View<'a, 't> {
    /// The analysed text.
    pub text: &'a Text<'t>,
    /// For each token, whether it lies inside (or is a mark of) an outermost
    /// quotation: cues are only looked for outside quotations.
    pub quoted: Vec<bool>,
    /// Tokens before this index form a title-case first line ("Roe Says
    /// City Must Act"), where a capitalized speech verb is still a cue.
    pub title_line_end: usize,
}

impl<'a, 't> View<'a, 't> {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.text.tokens().len()
    }

    /// Token text, `""` out of range.
    pub fn s(&self, i: usize) -> &'t str {
        self.text.get_text(i).unwrap_or("")
    }

    /// Lowercased token text.
    pub fn low(&self, i: usize) -> Cow<'t, str> {
        crate::text::lowercase(self.s(i))
    }

    /// Token kind.
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.text.tokens().get(i).map(|t| t.kind)
    }

    /// Whether token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }

    /// Whether token `i` is a quotation mark.
    pub fn is_quote(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Quote)
    }

    /// Whether token `i` is inside an outermost quotation.
    pub fn in_quote(&self, i: usize) -> bool {
        self.quoted.get(i).copied().unwrap_or(false)
    }

    /// Whether token `i` is capitalized.
    pub fn cap(&self, i: usize) -> bool {
        self.text.is_capitalized(i)
    }

    /// Sentence token range of token `i`.
    pub fn sentence(&self, i: usize) -> Range {
        self.text.sentence_of(i).map_or(
            Range {
                first: i,
                end: i + 1,
            },
            |s| Range {
                first: s.first as usize,
                end: s.end as usize,
            },
        )
    }

    /// Whether token `i` is terminal punctuation.
    pub fn is_terminal(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Punct)
            && matches!(self.s(i), "." | "!" | "?" | "…")
            && !self.abbreviation_dot(i)
    }

    /// A dot closing an abbreviation: an abbreviated title before a name
    /// ("Mr. Roe", "Sen. Roe"; not a full title word closing a sentence,
    /// "… said a spokeswoman. Later …"), or any word before a comma or
    /// bracket ("R-Ky.,").
    pub fn abbreviation_dot(&self, i: usize) -> bool {
        if i == 0 || self.s(i) != "." {
            return false;
        }
        let t = self.text.tokens();
        let attached = t[i].cstart == t[i - 1].cend && self.is_word(i - 1);
        // "(R-Ky.)", "Ohio St., the …": no sentence ends before a comma
        if attached && matches!(self.s(i + 1), "," | ")" | ";") {
            return true;
        }
        let word = self.low(i - 1);
        attached
            && self.cap(i + 1)
            && lexicon::is_title(&word)
            && crate::text::is_abbreviation(&word)
    }

    /// The cue class of token `i` when it is used as a speech verb here.
    ///
    /// Rejects noun uses ("the report", "its statement", "United States"):
    /// a capitalized form mid-sentence, or a determiner, possessive or
    /// adjective-like word right before it.
    pub fn cue_at(&self, i: usize) -> Option<CueClass> {
        if !self.is_word(i) || self.in_quote(i) {
            return None;
        }
        let title_case = i < self.title_line_end;
        if self.cap(i) && !self.text.is_sentence_start(i) && !title_case {
            return None;
        }
        let w = self.low(i);
        // "as Jane Roe put it, …"
        if matches!(w.as_ref(), "put" | "puts") && self.low(i + 1) == "it" {
            return Some(CueClass::DirectOnly);
        }
        // '"…," Roe went on.' / 'Roe went on: "…"': continuing to speak
        if matches!(w.as_ref(), "went" | "goes" | "go")
            && self.low(i + 1) == "on"
            && (i + 2 >= self.len()
                || self.is_terminal(i + 2)
                || matches!(self.s(i + 2), "," | ":")
                || self.is_quote(i + 2))
        {
            return Some(CueClass::DirectOnly);
        }
        // '"…," Roe shot back.' / 'Doe chimed in: "…"': a reply or an
        // interruption, a speech verb only with its particle and nothing
        // after it but the quotation; "pressed" likewise with nothing at all
        let bare_after = |k: usize| {
            k >= self.len()
                || self.is_terminal(k)
                || matches!(self.s(k), "," | ":")
                || self.is_quote(k)
        };
        if lexicon::is_phrasal_cue(&w, &self.low(i + 1)) && bare_after(i + 2)
            || lexicon::is_bare_cue(&w) && bare_after(i + 1)
        {
            return Some(CueClass::DirectOnly);
        }
        // "as Roe went on about “…”", "railed against “…”", "talked
        // about “…”": going on at length about quoted words attributes
        // them to the subject, as a naming verb does
        let opens_quote = |k: usize| self.is_quote(k) && self.in_quote(k);
        let at_length = matches!(w.as_ref(), "went" | "goes" | "go" | "going")
            && self.low(i + 1) == "on"
            && self.low(i + 2) == "about"
            && opens_quote(i + 3)
            || matches!(
                w.as_ref(),
                "talk" | "talks" | "talked" | "talking" | "rant" | "rants" | "ranted" | "ranting"
            ) && matches!(self.low(i + 1).as_ref(), "about" | "of" | "against")
                && opens_quote(i + 2)
            || matches!(w.as_ref(), "rail" | "rails" | "railed" | "railing")
                && self.low(i + 1) == "against"
                && opens_quote(i + 2);
        if at_length {
            return Some(CueClass::Fragment);
        }
        let class = lexicon::cue_class(&w)?;
        // "continued to portray …": an aspect verb, not speech
        if class == CueClass::DirectOnly && w.starts_with("continu") && self.low(i + 1) == "to" {
            return None;
        }
        // "That said, …": a connective, not a speech verb
        if w == "said"
            && i > 0
            && self.low(i - 1) == "that"
            && self.s(i + 1) == ","
            && (self.text.is_sentence_start(i - 1)
                || i > 1 && (self.is_quote(i - 2) || self.s(i - 2) == "("))
        {
            return None;
        }
        // "narrows the gap to, say, single digits": "say" set off by
        // commas offers an example, nobody speaks
        if w == "say" && i > 0 && self.s(i - 1) == "," && self.s(i + 1) == "," {
            return None;
        }
        // in a title-case line every verb is capitalized: the first speech
        // verb of the line is its cue ("Roe Says City Will Tell …")
        if title_case
            && self.cap(i)
            && (0..i).any(|k| self.is_word(k) && lexicon::cue_class(&self.low(k)).is_some())
        {
            return None;
        }
        if w.starts_with("point") && self.low(i + 1) != "out" {
            return None;
        }
        if i > 0 {
            let p = self.low(i - 1);
            // "It's worth noting that …", "it bears repeating": the
            // writer's aside, no one's speech
            if matches!(p.as_ref(), "worth" | "bears") && lexicon::is_ing(&w) {
                return None;
            }
            let next_that = self.low(i + 1) == "that";
            // "went on to say that …": an infinitive reporting a content
            let to_say_that = p == "to" && next_that && !lexicon::is_nouny_form(&w);
            // "issued a warning that …": a speech noun after a verb
            let noun_cue = lexicon::is_pure_determiner(&p)
                && next_that
                && lexicon::is_nouny_form(&w)
                && i >= 2
                && self.verbish(i - 2);
            if noun_cue {
                return Some(CueClass::Report);
            }
            // "…, a source close to her said": "her" after a preposition is
            // its object, not a possessive before a noun
            let object_her = p == "her"
                && i >= 2
                && (lexicon::is_np_preposition(&self.low(i - 2)) || self.low(i - 2) == "to");
            if (lexicon::is_pure_determiner(&p) || matches!(p.as_ref(), "to" | "of" | "'s" | "’s"))
                && !to_say_that
                && !object_her
            {
                return None;
            }
            let next = self.low(i + 1);
            let compound = !w.ends_with('s')
                && self.is_word(i + 1)
                && !self.cap(i + 1)
                && next.len() > 3
                && next.ends_with('s')
                && !next.ends_with("ss")
                && lexicon::cue_class(&next).is_none();
            let plural_possessive = self.plural_possessive_mark(i + 1);
            // "the two brands", "several reports": a verb in -s never
            // follows a plural count, so this is the noun
            let counted = (self.is_cardinal(i - 1) && p != "one" || lexicon::is_quantifier(&p))
                && w.ends_with('s')
                && !w.ends_with("ss");
            if counted {
                return None;
            }
            // "475 pledged delegates", "the most telling promise": a
            // participle between a figure or a degree word and the noun
            // it modifies is an adjective, nobody speaks
            let figure = p.starts_with(|c: char| c.is_ascii_digit())
                && p.chars().all(|c| c.is_ascii_digit() || c == ',');
            let modified_noun = |k: usize| {
                let x = self.low(k);
                self.is_word(k)
                    && !self.cap(k)
                    && !self.in_quote(k)
                    && !self.verbish(k)
                    && !lexicon::is_determiner(&x)
                    && !lexicon::is_subject_pronoun(&x)
                    && !lexicon::is_left_barrier(&x)
                    && !lexicon::is_wh(&x)
                    && !lexicon::is_aux(&x)
                    && !lexicon::is_ing(&x)
                    && !lexicon::is_np_preposition(&x)
                    && !matches!(x.as_ref(), "that" | "to" | "it" | "him" | "her" | "them")
            };
            if (figure || matches!(p.as_ref(), "most" | "more" | "less"))
                && (w.ends_with("ed") || lexicon::is_ing(&w))
                && modified_noun(i + 1)
            {
                return None;
            }
            if lexicon::is_nouny_form(&w) && self.nouny_by_agreement(i) {
                return None;
            }
            // "the only state holding …", "In a later tweet, Roe said":
            // a determiner and a modifier before a speech noun, which a
            // verb follows or a preposition governs, make a noun phrase
            let noun_phrase = lexicon::is_nouny_form(&w)
                && i >= 2
                && lexicon::is_pure_determiner(&self.low(i - 2))
                && self.is_word(i - 1)
                && !self.cap(i - 1)
                && (self.verbish(i + 1)
                    || lexicon::is_aux(&self.low(i + 1))
                    || lexicon::is_ing(&self.low(i + 1))
                    || i >= 3 && lexicon::is_np_preposition(&self.low(i - 3)));
            if noun_phrase {
                return None;
            }
            // "a Ledger report that …", "an audit office report, which
            // …": after "a"/"an" and one or two singular modifiers a base
            // form cannot be the finite verb (a singular subject would
            // take "reports"), so it heads the noun phrase
            let indefinite_head = lexicon::is_nouny_form(&w)
                && !w.ends_with('s')
                && (2..=3).any(|d| {
                    i >= d
                        && matches!(self.low(i - d).as_ref(), "a" | "an")
                        && (i - d + 1..i).all(|k| {
                            let m = self.low(k);
                            self.is_word(k)
                                && !self.in_quote(k)
                                // "a dozen aides report": a plural
                                // modifier may be the subject
                                && (!m.ends_with('s') || m.ends_with("ss") || m == "news")
                                // "a detailed report": a participle
                                // right after the article modifies
                                && (k == i - d + 1 || !self.verbish(k))
                                && !self.irregular_past(k)
                                && !lexicon::is_np_preposition(&m)
                                && !lexicon::is_left_barrier(&m)
                        })
                });
            // ("a Ledger report that the plan failed" keeps its content
            // clause: only a relative "that" with a verb after it is cut)
            // (a content clause opens with its subject: a determiner, a
            // pronoun, a name, a number, or a noun its verb follows; "a
            // report that found …" is relative)
            let that_clause = self.low(i + 1) == "that" && {
                let x = self.low(i + 2);
                let y = self.low(i + 3);
                let verb_after = self.verbish(i + 3)
                    || self.irregular_past(i + 3)
                    || lexicon::is_modal(&y)
                    || lexicon::is_aux(&y);
                let opens = lexicon::is_determiner(&x)
                    || lexicon::is_subject_pronoun(&x)
                    || self.cap(i + 2)
                    || self.kind(i + 2) == Some(TokenKind::Number)
                    || self.is_word(i + 2) && verb_after;
                opens
                    && !(self.verbish(i + 2)
                        || self.irregular_past(i + 2)
                        || lexicon::is_modal(&x)
                        || lexicon::is_aux(&x)
                        || lexicon::cue_class(&x).is_some())
            };
            if indefinite_head && !that_clause {
                return None;
            }
            if lexicon::is_nouny_form(&w) && (compound || plural_possessive) {
                // "state leaders", "the members' reports": nouns
                return None;
            }
            // "the annual report said": a speech noun right before a
            // speech verb is that verb's subject
            if lexicon::is_nouny_form(&w)
                && self.is_word(i + 1)
                && lexicon::cue_class(&self.low(i + 1)).is_some()
                && !lexicon::is_nouny_form(&self.low(i + 1))
            {
                return None;
            }
            if lexicon::is_nouny_form(&w) && lexicon::is_quantifier(&p) {
                // "many promises", "a dozen states": a noun after a quantity
                return None;
            }
            // "voters from states that he won", "a 1981 claim over …": a
            // noun after a preposition or a number, never a finite verb
            let after_preposition = matches!(
                p.as_ref(),
                "from" | "in" | "for" | "at" | "by" | "across" | "among" | "into" | "than"
            ) || self.kind(i - 1) == Some(TokenKind::Number);
            if lexicon::is_nouny_form(&w) && after_preposition && !self.in_quote(i - 1) {
                return None;
            }
            // "amid news reports that …", "in recent claims": a noun with
            // its modifier after a preposition, the same
            if lexicon::is_nouny_form(&w)
                && i > 1
                && matches!(
                    self.low(i - 2).as_ref(),
                    "amid" | "amidst" | "despite" | "from" | "in" | "after" | "following" | "among"
                )
                && self.is_word(i - 1)
                && !self.cap(i - 1)
                && !self.in_quote(i - 1)
                && !lexicon::is_subject_pronoun(&p)
                && !self.verbish(i - 1)
            {
                return None;
            }
            // "Plains states that have lost jobs", "the claims that were
            // denied": a "that" followed at once by a plural or modal
            // auxiliary has no subject of its own, so it opens a relative
            // clause on a plural noun; a reported clause after a speech
            // verb has its subject. (A singular one may follow "that" as a
            // pronoun: "Roe claims that is false"; "-ed" words are not
            // tested: "claims that armed men …".)
            let verb_after_that = |k: usize| {
                let x = self.low(k);
                self.is_word(k)
                    && !self.cap(k)
                    && (lexicon::is_modal(&x) || lexicon::is_plural_or_bare_aux(&x))
            };
            if lexicon::is_nouny_form(&w)
                && w.ends_with('s')
                && self.low(i + 1) == "that"
                && verb_after_that(i + 2)
            {
                return None;
            }
            if lexicon::is_nouny_form(&w) {
                let nl = self.low(i + 1);
                let before2 = if i > 1 { self.low(i - 2) } else { "".into() };
                let subject_like = self.cap(i - 1)
                    || (nl == "that" || nl == "out" && w.starts_with("point"))
                        && !matches!(
                            p.as_ref(),
                            "amid"
                                | "despite"
                                | "after"
                                | "about"
                                | "following"
                                | "with"
                                | "on"
                                | "were"
                                | "are"
                                | "of"
                        )
                    || lexicon::is_pure_determiner(&before2)
                        && !matches!(nl.as_ref(), "of" | "for" | "to" | "on" | "in")
                        // "struck a hopeful note, …": the object of a verb,
                        // unless it introduces the words ("made the
                        // following comment: …")
                        && !(i >= 3
                            && (self.verbish(i - 3) || self.irregular_past(i - 3))
                            && !(self.s(i + 1) == ":" || self.is_quote(i + 1)))
                    || lexicon::is_subject_pronoun(&p)
                    || lexicon::is_group_head(&p)
                    || lexicon::is_org_head(&p)
                    || matches!(p.as_ref(), "who" | "which" | "that");
                if !subject_like {
                    return None;
                }
            }
        }
        // "is said to favor", "said to be": infinitival or passive
        // reporting, no speaker. An active "said to" takes an addressee
        // ("Roe said to reporters", "she said to cheers") and is a cue.
        if self.low(i + 1) == "to" && matches!(class, CueClass::Say) {
            let aux_at = |k: usize| lexicon::is_passive_aux(&self.low(k));
            // "is widely said to", "was also said to"
            let passive = i > 0
                && (aux_at(i - 1)
                    || i > 1 && {
                        let adv = self.low(i - 1);
                        (adv.ends_with("ly") || matches!(adv.as_ref(), "also" | "often" | "still"))
                            && aux_at(i - 2)
                    });
            let infinitive = matches!(self.low(i + 2).as_ref(), "be" | "have");
            if passive || infinitive {
                return None;
            }
        }
        Some(class)
    }

    /// Whether the speech noun-or-verb at `i` ("state", "states",
    /// "report") must be the noun, by what a verb form could not follow:
    /// a possessive after it ("that state's primary"); the bare form after
    /// a singular name or "a"/"every" and a modifier ("Washington state",
    /// "a swing state": a singular subject takes "states"), unless it
    /// introduces a content ("her April remark that …"); "states" set
    /// after two names joined by "and" and a comma ("Idaho and Utah,
    /// states that …": a plural subject takes "state"); and
    /// "state"/"states" after a
    /// compass adjective or a word that only classes states ("Western
    /// states", "swing states", "caucus states").
    fn nouny_by_agreement(&self, i: usize) -> bool {
        let w = self.low(i);
        if matches!(self.s(i + 1), "'s" | "’s") {
            return true;
        }
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        let pw = self.low(p);
        let bare = !w.ends_with('s');
        // a speech noun before "that" or a colon introduces its content
        // ("her April remark that …"): that noun is meant as the cue
        let introduces = self.low(i + 1) == "that" || self.s(i + 1) == ":";
        if bare && !introduces && p > 0 && self.is_word(p) && !self.in_quote(p) {
            // ("Acme report found …" has a noun subject before a verb;
            // only "state" is, after a place, the noun by itself)
            let singular_name = w == "state"
                && self.cap(p)
                && !pw.ends_with('s')
                && pw != "i"
                && !lexicon::is_subject_pronoun(&pw)
                && !self.text.is_sentence_start(p);
            let after_article = matches!(
                self.low(p - 1).as_ref(),
                "a" | "an" | "every" | "each" | "another"
            ) && !self.cap(p)
                && !lexicon::is_quantifier(&pw)
                && !matches!(pw.as_ref(), "lot" | "number" | "handful" | "couple");
            if singular_name || after_article {
                return true;
            }
        }
        if matches!(w.as_ref(), "state" | "states") {
            let compass = ["western", "eastern", "northern", "southern"];
            let classing = compass.iter().any(|c| pw.ends_with(c))
                || matches!(
                    pw.as_ref(),
                    "swing"
                        | "battleground"
                        | "caucus"
                        | "primary"
                        | "border"
                        | "member"
                        | "nation"
                );
            if classing && self.is_word(p) {
                return true;
            }
        }
        if w == "states" && self.s(p) == "," {
            // "Idaho and Utah, states that …" (an organization's name may
            // hold "and": "Acme Research and Design estimates …")
            let name_end = p;
            return name_end >= 3
                && self.is_word(name_end - 1)
                && self.cap(name_end - 1)
                && (name_end.saturating_sub(5)..name_end - 1).any(|k| {
                    matches!(self.low(k).as_ref(), "and" | "or")
                        && k > 0
                        && self.is_word(k - 1)
                        && self.cap(k - 1)
                        && (k + 1..name_end).all(|j| self.is_word(j) && self.cap(j))
                });
        }
        false
    }

    /// Whether token `k` is a plain word of a cue's tail ("said to the
    /// crowd", "told reporters on Monday"): outside quotations, and no
    /// verb, cue, "that", wh-word or subject pronoun, any of which starts
    /// a clause of its own.
    pub fn is_plain_tail_word(&self, k: usize) -> bool {
        let w = self.low(k);
        self.is_word(k)
            && !self.in_quote(k)
            && !self.verbish(k)
            && !self.irregular_past(k)
            && self.cue_at(k).is_none()
            && w != "that"
            && !lexicon::is_wh(&w)
            && !lexicon::is_subject_pronoun(&w)
    }

    /// Whether token `i` follows a hyphen written without spaces
    /// ("Ohio-based": `based` continues the word before the hyphen).
    pub fn joined_hyphen_before(&self, i: usize) -> bool {
        if i < 2 || self.s(i - 1) != "-" {
            return false;
        }
        let t = self.text.tokens();
        t[i - 1].cstart == t[i - 2].cend && t[i].cstart == t[i - 1].cend
    }

    /// Whether token `k` is a hyphen set apart by a space, used as a dash
    /// ("his team - the best in the state", "in Dover -Mrs. Roe said"),
    /// not one joining words.
    pub fn spaced_hyphen(&self, k: usize) -> bool {
        self.s(k) == "-" && self.text.tokens().get(k).is_some_and(|t| t.space_before)
    }

    /// Whether a word token looks like a finite or past verb (for clause tests).
    pub fn verbish(&self, i: usize) -> bool {
        if !self.is_word(i) || self.cap(i) {
            return false;
        }
        let w = self.low(i);
        lexicon::is_aux(&w) || (w.len() > 3 && w.ends_with("ed"))
    }

    /// Whether a word token is an irregular past verb ("took", "struck"):
    /// unlike a regular one it does not end in -ed, so [`Self::verbish`]
    /// misses it. After a determiner it is an adjective ("a paid aide").
    pub fn irregular_past(&self, i: usize) -> bool {
        self.is_word(i)
            && !self.cap(i)
            && crate::enrich::dates::lexicon::is_irregular_past(&self.low(i))
            && !(i > 0 && lexicon::is_determiner(&self.low(i - 1)))
    }

    /// Whether a finite clause plausibly starts at token `i` (bare content
    /// after a speech verb, "said he would …"). `lenient` (for *say*) also
    /// accepts a past or present verb form after the subject.
    pub fn clause_starts(&self, i: usize, lenient: bool) -> bool {
        let ceil = self.sentence(i).end;
        let w = self.low(i);
        if !self.is_word(i) && self.kind(i) != Some(TokenKind::Number) {
            return self.is_quote(i) && i + 1 < ceil && self.clause_starts(i + 1, lenient);
        }
        if lexicon::is_subject_pronoun(&w) || w == "there" {
            // "reported it to the police", "declared it a failure": "it"
            // before a preposition or an article is the verb's object
            let next = self.low(i + 1);
            let object_it = w == "it"
                && (lexicon::is_pure_determiner(&next)
                    || matches!(
                        next.as_ref(),
                        "to" | "on" | "in" | "at" | "for" | "with" | "from" | "by" | "during"
                    ));
            return i + 1 < ceil && self.is_word(i + 1) && !object_it;
        }
        if lexicon::is_left_barrier(&w) || lexicon::is_wh(&w) {
            return false;
        }
        // a subject noun phrase, then a finite verb within a few tokens
        // (a dash aside inside the subject, "the fee - set by the board
        // in June - was …", does not count)
        const MAX_ASIDE: usize = 25;
        let mut limit = (i + 10).min(ceil);
        let mut j = i;
        while j + 1 < limit {
            j += 1;
            if matches!(self.s(j), "-" | "–" | "—")
                && self.text.tokens().get(j).is_some_and(|t| t.space_before)
            {
                let dash = self.s(j);
                let close = (j + 1..ceil.min(j + MAX_ASIDE))
                    .take_while(|&k| !self.is_terminal(k) && !self.is_quote(k))
                    .find(|&k| {
                        self.s(k) == dash
                            && self.text.tokens().get(k).is_some_and(|t| t.space_before)
                    });
                if let Some(close) = close {
                    limit = (limit + close - j).min(ceil);
                    j = close;
                    continue;
                }
            }
            if self.kind(j) == Some(TokenKind::Punct) && !matches!(self.s(j), "-" | "&" | ".") {
                return false;
            }
            let x = self.low(j);
            if lexicon::is_wh(&x) || matches!(x.as_ref(), "that" | "to") {
                return false;
            }
            if self.is_word(j) && !self.cap(j) && lexicon::is_aux(&x) && x != "be" {
                return true;
            }
            if lenient && self.is_word(j) && !self.cap(j) && x.len() > 3 {
                if x.ends_with("ed") {
                    return true;
                }
                if x.ends_with('s') && !x.ends_with("ss") && !x.ends_with("'s") {
                    return true;
                }
            }
        }
        false
    }

    /// The nearest subject pronoun before a participle cue at `k` in its
    /// sentence ("where he defended the plan by saying …").
    pub fn nearest_pronoun(&self, k: usize, floor: usize) -> Option<Range> {
        let lo = floor.max(k.saturating_sub(12));
        (lo..k).rev().find_map(|j| {
            let w = self.low(j);
            (self.is_word(j)
                && !self.in_quote(j)
                && matches!(w.as_ref(), "he" | "she" | "they" | "we"))
            .then_some(Range {
                first: j,
                end: j + 1,
            })
        })
    }

    /// Subject noun phrase ending right before token `v` (a verb): skips
    /// preverbal adverbs and a comma-delimited appositive. `None` when no
    /// subject stands there (a conjunction, a participle clause, a quote).
    pub fn subject_before(&self, v: usize, floor: usize) -> Option<Range> {
        let mut j = v;
        // "who has in the past said", "aides had for weeks argued": a
        // prepositional phrase between the auxiliary and the verb says
        // when or how; its noun is the preposition's object, and the
        // subject stands before the auxiliary
        if let Some(p) = (v.saturating_sub(5).max(floor + 1)..v.saturating_sub(1))
            .rev()
            .find(|&p| {
                self.is_word(p)
                    && matches!(
                        self.low(p).as_ref(),
                        "in" | "at" | "for" | "over" | "during" | "since"
                    )
            })
        {
            let object_only =
                (p + 1..v).all(|k| self.is_word(k) && !self.cap(k) && !self.verbish(k));
            if object_only && lexicon::is_aux(&self.low(p - 1)) && !self.cap(p - 1) {
                j = p;
            }
        }
        // skip adverbs / auxiliaries between subject and verb
        while j > floor && j + 6 > v {
            let w = self.low(j - 1);
            let adverb = lexicon::is_ly_adverb(&w) && !self.cap(j - 1);
            // "…, Will wrote": a capitalized auxiliary inside a sentence is
            // a name (a surname that is also a word), the subject itself
            // (days and title-case headline words stay skippable)
            let name = self.cap(j - 1)
                && !self.text.is_sentence_start(j - 1)
                && (lexicon::is_modal(&w) || lexicon::is_aux(&w));
            if self.is_word(j - 1)
                && !name
                && (lexicon::is_preverbal(&w) || lexicon::is_time_word(&w) || adverb)
            {
                j -= 1;
            } else {
                break;
            }
        }
        if j <= floor {
            return None;
        }
        // a parenthetical after the subject: "Jane Roe (D-Ohio) said", also
        // with a comma after it ("Jane Roe (D-Ohio), said")
        if self.s(j - 1) == "," && j >= 2 && j - 2 > floor && self.s(j - 2) == ")" {
            j -= 1;
        }
        if self.s(j - 1) == ")" {
            let open = (j.saturating_sub(10).max(floor)..j - 1)
                .rev()
                .find(|&k| self.s(k) == "(");
            match open {
                Some(k) if k > floor => j = k,
                _ => return None,
            }
        }
        // an appositive between dashes: "Jane Roe — a teacher from Dover —
        // says"; the subject is before the opening dash
        // (a spaced hyphen or a doubled one, "Roe -- a teacher -- says",
        // is the same dash)
        let dash = |k: usize| {
            matches!(self.s(k), "—" | "–" | "--")
                || self.spaced_hyphen(k)
                || self.s(k) == "-" && k > 0 && self.spaced_hyphen(k - 1)
        };
        if dash(j - 1) {
            let close = if j >= 2 && self.s(j - 1) == "-" && self.s(j - 2) == "-" {
                j - 2
            } else {
                j - 1
            };
            let open = (j.saturating_sub(18).max(floor)..close)
                .rev()
                .take_while(|&k| !(self.is_terminal(k) || self.is_quote(k)))
                .find(|&k| dash(k))
                // the first hyphen of a doubled dash
                .map(|k| {
                    if k > 0 && self.spaced_hyphen(k - 1) && self.s(k) == "-" {
                        k - 1
                    } else {
                        k
                    }
                });
            // not a participle clause ("Roe — pressed by reporters —
            // told …"), which the reported-speech scan reads otherwise
            let participle = |k: usize| self.verbish(k + 1) || self.irregular_past(k + 1);
            if let Some(k) = open.filter(|&k| k > floor && !participle(k)) {
                j = k;
            }
        }
        // "a letter from the agency that said", "an audit that concluded":
        // "that" right before the verb opens a relative clause (a
        // complementizer would need a subject of its own after it)
        if self.low(j - 1) == "that" && self.is_word(j - 1) && j - 1 > floor {
            if let Some(np) = self.relative_that_antecedent(j - 1, floor) {
                return Some(np);
            }
        }
        // a relative pronoun: the subject is its antecedent ("X, who said"),
        // the noun phrase right before the comma even when that phrase
        // ends a longer clause ("… drew a reply from Jane Roe, who said")
        if matches!(self.low(j - 1).as_ref(), "who" | "which") && self.is_word(j - 1) {
            // "a reply from Jane Roe, who said": the name after the
            // phrase's last preposition
            let person_after_preposition = |np: Range| {
                let p = (np.first..np.end)
                    .rev()
                    .find(|&k| lexicon::is_np_preposition(&self.low(k)))?;
                let name = Range {
                    first: p + 1,
                    end: np.end,
                };
                let words = (name.first..name.end).filter(|&k| self.is_word(k)).count();
                (self.low(j - 1) == "who"
                    && words >= 2
                    && (name.first..name.end).all(|k| self.cap(k) || self.s(k) == "."))
                .then_some(name)
            };
            let before_comma = (j >= 2 && j - 2 > floor && self.s(j - 2) == ",")
                .then(|| self.np_leftward(j - 2, floor))
                .flatten()
                // not an appositive ("Roe, an expert at Acme, who …")
                .filter(|np| np.first > floor && self.s(np.first - 1) != ",")
                .and_then(|np| {
                    // "… cited a Ledger report, which notes": a document
                    // speaks its own relative clause
                    let document = self.low(j - 1) == "which"
                        && lexicon::is_document_noun(&self.low(np.end - 1));
                    if document {
                        Some(self.issuing_subject(np, floor).unwrap_or(np))
                    } else if self.cap(np.first) {
                        Some(np)
                    } else {
                        person_after_preposition(np)
                    }
                })
                .filter(|np| np.first > floor && self.s(np.first - 1) != ",");
            return before_comma.or_else(|| self.subject_before(j - 1, floor));
        }
        // a quoted post-modifier: 'a source "close to the talks" claimed'
        if self.in_quote(j - 1) && self.is_quote(j - 1) {
            let mut k = j - 1;
            while k > floor && self.in_quote(k - 1) && j - k < 14 {
                k -= 1;
            }
            if k > floor && !self.in_quote(k - 1) && j - k < 14 {
                return self.np_leftward(k, floor);
            }
            return None;
        }
        if self.s(j - 1) == "," {
            if let Some(name) = self.name_before_appositives(j - 1, floor) {
                return Some(name);
            }
            // "X, the Y of Z, said" / "X, with Z, said": look at the segment.
            let seg_end = j - 1;
            let mut k = seg_end;
            while k > floor && k + 30 > seg_end && self.s(k - 1) != "," && !self.is_quote(k - 1) {
                k -= 1;
            }
            if k >= seg_end {
                return None;
            }
            let seg = Range {
                first: k,
                end: seg_end,
            };
            let first_low = self.low(seg.first);
            let seg_is_name = self.cap(seg.first) && !lexicon::is_determiner(&first_low);
            if k > floor && self.s(k - 1) == "," && !self.is_quote(k - 1) {
                if seg_is_name && self.np_leftward(seg_end, k) == Some(seg) {
                    return Some(seg);
                }
                return self.np_leftward(k - 1, floor);
            }
            return if seg_is_name {
                self.np_leftward(seg_end, floor)
            } else {
                None
            };
        }
        let np = self.np_leftward(j, floor)?;
        // "an aide who spoke on condition of anonymity said": the subject is
        // the antecedent of the relative pronoun, not the clause's last noun
        let lo = floor.max(np.first.saturating_sub(12));
        for k in (lo..np.first).rev() {
            if self.in_quote(k) || self.is_terminal(k) || matches!(self.s(k), "," | ";") {
                break;
            }
            if self.is_word(k) && self.low(k) == "who" {
                return self.np_leftward(k, floor).or(Some(np));
            }
        }
        Some(np)
    }

    /// The antecedent of a relative "that" at `that` when it can speak the
    /// clause: a name, or a noun for people, a group, an organisation, a
    /// document or words ("a memo from the agency that said", "an aide
    /// that said"), its trailing time words cut ("released data Monday
    /// that"); for a thing an issuing verb governs ("Acme released a
    /// report that said"), that verb's subject. `None` for a phrase that
    /// cannot speak ("bottles that said" carry printed words) or inside a
    /// fronted prepositional phrase ("In a speech that touched on …, Roe
    /// said"), whose main clause names the speaker.
    fn relative_that_antecedent(&self, that: usize, floor: usize) -> Option<Range> {
        let mut np = self
            .np_leftward(that, floor)
            .filter(|np| np.first < np.end && np.end == that)?;
        while np.end > np.first + 1 && {
            let w = self.low(np.end - 1);
            // ("one in September that said": a month after its preposition)
            let month = crate::enrich::dates::lexicon::month(&w).is_some()
                && lexicon::is_np_preposition(&self.low(np.end - 2));
            lexicon::is_time_word(&w) || lexicon::is_np_preposition(&w) || month
        } {
            np.end -= 1;
        }
        let head = np.end - 1;
        let w = self.low(head);
        if !self.is_word(head)
            || self.in_quote(head)
            || self.verbish(head)
            || self.irregular_past(head)
            || lexicon::is_time_word(&w)
            || lexicon::is_sign_noun(&w)
            || lexicon::cue_class(&w).is_some() && !lexicon::is_nouny_form(&w)
        {
            return None;
        }
        let speaks = self.cap(head) || lexicon::is_source_noun(&w);
        let fronted = np.first > floor
            && np.first - 1 == self.sentence(np.first).first
            && lexicon::is_np_preposition(&self.low(np.first - 1));
        if !speaks || fronted {
            return None;
        }
        Some(self.issuing_subject(np, floor).unwrap_or(np))
    }

    /// The subject of the issuing verb right before the document phrase
    /// `np` ("the Ledger ran a piece", "Acme released a report", "her
    /// office put out a statement"): the document's issuer.
    pub fn issuing_subject(&self, np: Range, floor: usize) -> Option<Range> {
        let mut verb = np.first.checked_sub(1).filter(|&k| k > floor)?;
        // a particle: "sent out", "put out"
        let out = self.low(verb) == "out";
        if out {
            verb = verb.checked_sub(1).filter(|&k| k > floor)?;
        }
        let w = self.low(verb);
        let issuing = super::speaker::ISSUING_VERBS.contains(&w.as_ref())
            || out && matches!(w.as_ref(), "put" | "puts");
        if !issuing {
            return None;
        }
        self.subject_before(verb, floor)
            .filter(|s| s.end <= verb && !(s.first..s.end).any(|k| self.in_quote(k)))
    }

    /// The subject of a cue at `k`: [`Self::subject_before`], except that a
    /// speech noun heading the object of a verb ("Roe made the following
    /// remark:") speaks for that verb's subject.
    pub fn cue_subject(&self, k: usize, floor: usize) -> Option<Range> {
        let np = self.subject_before(k, floor)?;
        let object = np.first > floor
            && np.end == k
            && lexicon::is_nouny_form(&self.low(k))
            && (np.first..np.end).all(|i| !self.cap(i))
            && lexicon::is_determiner(&self.low(np.first))
            && (self.verbish(np.first - 1) || self.irregular_past(np.first - 1));
        if object {
            return self.subject_before(np.first - 1, floor);
        }
        // the agent is the subject of the cue itself, not of a relative
        // clause on it ("a bill levied by the Union, which contended")
        let direct = (np.end..k).all(|j| self.is_word(j) && !lexicon::is_wh(&self.low(j)));
        let agent = direct
            .then(|| self.agent_of_participle(np, floor))
            .flatten();
        Some(agent.unwrap_or(np))
    }

    /// The phrase a participle and its "by" agent `np` modify, when the
    /// subject scan stopped at the agent: "a memo obtained by the Ledger
    /// says" is the memo's (the outlet only passes it on); with an
    /// issuing participle ("a letter signed by Roe") the whole phrase,
    /// whose issuer the resolver finds.
    fn agent_of_participle(&self, np: Range, floor: usize) -> Option<Range> {
        let by = np.first.checked_sub(1).filter(|&b| b > floor)?;
        let part = by - 1;
        let w = self.low(part);
        let participle = self.low(by) == "by"
            && (self.verbish(part) || lexicon::is_irregular_participle(&w))
            && !lexicon::is_aux(&w);
        if !participle {
            return None;
        }
        let head = self.subject_before(part, floor)?;
        if head.end != part {
            return None;
        }
        let end = if lexicon::is_issue_participle(&w) {
            np.end
        } else {
            part
        };
        Some(Range {
            first: head.first,
            end,
        })
    }

    /// "Jane Roe, chief executive of Acme, a Delaware firm, said": the name
    /// before one or more comma-delimited appositives ending at `comma`,
    /// when each appositive is a role or description (a determiner, a
    /// possessive or a lowercase word in it) and the name is all capitals.
    fn name_before_appositives(&self, comma: usize, floor: usize) -> Option<Range> {
        let mut seg_end = comma;
        for _ in 0..4 {
            let mut k = seg_end;
            while k > floor && seg_end - k < 16 && self.s(k - 1) != "," {
                if self.in_quote(k - 1) || self.is_terminal(k - 1) {
                    return None;
                }
                k -= 1;
            }
            if k >= seg_end {
                return None;
            }
            let words = || (k..seg_end).filter(|&i| self.is_word(i));
            // a party and state tag: "R-Ohio", "D-N.Y."
            let party_tag = parties::is_letter(self.s(k)) && self.s(k + 1) == "-";
            let is_name = !party_tag
                && words().count() <= 5
                && words().all(|i| {
                    let w = self.low(i);
                    self.cap(i) || lexicon::is_name_particle(&w)
                })
                && !(k..seg_end).any(|i| matches!(self.s(i), "'s" | "’s"))
                && self.cap(k);
            // the segment after a name opens like an appositive: a
            // determiner, a relative pronoun, a possessive or a role word,
            // not a preposition ("in Ohio, in May")
            let appositive_after = {
                let a = seg_end + 1;
                let wa = self.low(a);
                lexicon::is_determiner(&wa)
                    || parties::is_letter(self.s(a)) && self.s(a + 1) == "-"
                    || matches!(wa.as_ref(), "who" | "whose")
                    // "Jane Roe, Republican of Ohio, said"
                    || lexicon::is_party_member(&wa) && self.low(a + 1) != ","
                    || (a..comma).take(3).any(|i| matches!(self.s(i), "'s" | "’s"))
                    || self.is_word(a) && !lexicon::is_np_preposition(&wa) && !self.cap(a)
            };
            // "Hale, whose firm, Dockline, ships grain, said": a name set
            // off inside a relative clause names something of the
            // subject's, not the subject
            let in_relative = k > floor + 1 && self.s(k - 1) == "," && {
                let mut a = k - 1;
                while a > floor && k - a < 16 && self.s(a - 1) != "," {
                    a -= 1;
                }
                a > floor && matches!(self.low(a).as_ref(), "who" | "whose")
            };
            if is_name && seg_end != comma && appositive_after && !in_relative {
                // a name directly before the first comma is the subject
                // when it opens the clause
                let opens = k == floor || self.s(k - 1) == "," || self.is_quote(k - 1);
                return opens.then_some(Range {
                    first: k,
                    end: seg_end,
                });
            }
            if is_name && seg_end == comma {
                return None;
            }
            // the clause opens with a role and a name: "Senate leader Jane
            // Roe, R-Ohio, said"
            if k == floor
                && seg_end != comma
                && appositive_after
                && self.cap(seg_end - 1)
                && !words().any(|i| self.verbish(i) || self.cue_at(i).is_some())
            {
                return Some(Range {
                    first: k,
                    end: seg_end,
                });
            }
            // an appositive: a role or description
            let w0 = self.low(k);
            let describes = is_name
                || party_tag
                || lexicon::is_determiner(&w0)
                || words().any(|i| !self.cap(i))
                || (k..seg_end).any(|i| matches!(self.s(i), "'s" | "’s"));
            let relative = matches!(w0.as_ref(), "who" | "whose");
            if !describes
                || k <= floor
                || !relative && words().any(|i| self.verbish(i) && !self.joined_hyphen_before(i))
            {
                return None;
            }
            seg_end = k - 1;
        }
        None
    }

    /// The noun phrase ending right before token `end`, scanning left.
    pub fn np_leftward(&self, end: usize, floor: usize) -> Option<Range> {
        if end == 0 || end <= floor {
            return None;
        }
        let mut last = end - 1;
        if self.s(last) == "." && last > floor && self.is_word(last - 1) && self.cap(last - 1) {
            // "Acme Inc." / "George W." before the verb
            last -= 1;
        }
        if self.in_quote(last) || !self.is_word(last) && self.kind(last) != Some(TokenKind::Number)
        {
            return None;
        }
        let lw = self.low(last);
        if lexicon::is_subject_pronoun(&lw) {
            return Some(Range { first: last, end });
        }
        // "he's said": the contracted auxiliary after a pronoun
        if matches!(lw.as_ref(), "'s" | "’s")
            && last > floor
            && lexicon::is_subject_pronoun(&self.low(last - 1))
        {
            return Some(Range {
                first: last - 1,
                end: last,
            });
        }
        // "Roe - who once ran for mayor - said": a dash before the verb
        // closes an aside, and the scan crosses its opening dash too
        let aside = (last..end).any(|k| self.spaced_hyphen(k));
        let mut first = end;
        while first > floor && end - first < 14 {
            let k = first - 1;
            if self.in_quote(k) {
                break;
            }
            let w = self.low(k);
            let ok = match self.kind(k) {
                Some(TokenKind::Word) => {
                    if matches!(w.as_ref(), "to" | "about")
                        && k > floor + 1
                        && self.is_word(k - 2)
                        && lexicon::is_postnominal_adjective(&self.low(k - 1))
                    {
                        // "a source close to the mayor": the adjective's
                        // complement, inside the phrase
                        true
                    } else if w == "to"
                        && k > floor
                        && self.is_word(k - 1)
                        && lexicon::is_associate_head(&self.low(k - 1))
                        && (!lexicon::is_title(&self.low(k - 1))
                            || k > floor + 1 && lexicon::is_determiner(&self.low(k - 2)))
                    {
                        // "aides to the mayor", "an adviser to Roe": whom
                        // the agents work for, inside the phrase ("Jo Roe,
                        // Ohio's special envoy to the talks, said": a
                        // modified title closes an appositive the scan must
                        // not enter)
                        true
                    } else if w == "that"
                        && self.text.is_sentence_start(k)
                        && self.is_word(k + 1)
                        && !self.cap(k + 1)
                        && k + 1 < end
                    {
                        // "That person said": a demonstrative opening the
                        // sentence, not a complementizer
                        true
                    } else if lexicon::is_subject_pronoun(&w)
                        || lexicon::is_left_barrier(&w)
                        || matches!(w.as_ref(), "not" | "never" | "n't")
                    {
                        false
                    } else if lexicon::is_np_preposition(&w) {
                        // only inside a phrase: something must stand left of it
                        k > floor && self.is_word(k - 1)
                    } else {
                        self.cap(k)
                            || lexicon::is_determiner(&w)
                            || w == "'s"
                            || w == "’s"
                            // "the annual report said": a speech noun
                            || lexicon::is_nouny_form(&w) && self.cue_at(k).is_none()
                            || !(self.verbish(k)
                                || self.irregular_past(k)
                                || lexicon::cue_class(&w).is_some())
                    }
                }
                Some(TokenKind::Number) => true,
                // a dash set apart by a space closes an aside or a clause
                // ("a formal speech -- with a teleprompter -- Roe said"):
                // the subject is the part after it (a dash right before
                // the verb closes an aside the scan must still cross)
                Some(TokenKind::Punct) if self.spaced_hyphen(k) && k + 1 < end && !aside => false,
                Some(TokenKind::Punct) => matches!(self.s(k), "&" | "-" | "." | "/"),
                // a plural possessive's bare apostrophe ("the Smiths' suit")
                _ => self.plural_possessive_mark(k),
            };
            if !ok {
                break;
            }
            first = k;
        }
        // "the former governor and U.S. senator said": two roles of one
        // person under one article; the scan stopped at the "and" between
        if let Some(the) = self.coordinated_roles(first, end, floor) {
            first = the;
        }
        // do not start on a preposition or connector
        while first < end {
            let w = self.low(first);
            if lexicon::is_np_preposition(&w) || matches!(self.s(first), "&" | "-" | "." | "/") {
                first += 1;
            } else {
                break;
            }
        }
        // "at one point the crowd chanted", "by then the panel said": an
        // article right after a noun opens a new phrase (a noun phrase has
        // one article, before its modifiers), so what stands before it is
        // an adverbial the scan ran into; the subject starts at the article
        if let Some(k) = (first + 1..last).rev().find(|&k| {
            matches!(self.low(k).as_ref(), "the" | "a" | "an")
                && self.is_word(k - 1)
                && !self.cap(k - 1)
                && {
                    // the word before must be a noun: no function word,
                    // preposition or verb form ("across the", "supporting
                    // the", "to the")
                    let p = self.low(k - 1);
                    !(lexicon::is_determiner(&p)
                        || lexicon::is_quantifier(&p)
                        || lexicon::is_np_preposition(&p)
                        || lexicon::is_left_barrier(&p)
                        || lexicon::is_sentence_adverb(&p)
                        || lexicon::is_prepositional_participle(&p)
                        || lexicon::is_postnominal_adjective(&p)
                        || lexicon::is_ing(&p)
                        || self.verbish(k - 1)
                        || self.irregular_past(k - 1)
                        || matches!(
                            p.as_ref(),
                            "half" | "all" | "both" | "such" | "quite" | "around" | "near" | "like"
                        ))
                }
        }) {
            first = k;
        }
        // a sentence-initial adverbial before the subject ("Earlier today, …")
        // is cut by the comma rule; a lowercase verbal word at the start is not a
        // subject: drop words up to the first determiner or capital.
        // "Now Ohio voters say": a sentence-initial adverb opens no
        // subject; "What the mayor said was …": nor does a wh-word
        while first < last
            && self.text.is_sentence_start(first)
            && (lexicon::is_time_word(&self.low(first))
                || lexicon::is_wh(&self.low(first))
                || lexicon::is_focus_adverb(&self.low(first)))
            && !lexicon::is_determiner(&self.low(first))
        {
            first += 1;
        }
        // A noun with a post-modifying adjective ("aides close to the
        // mayor") or an indefinite pronoun ("someone familiar with …")
        // heads the phrase: the words after it only describe it.
        while first < last {
            let w = self.low(first);
            if self.cap(first)
                || lexicon::is_determiner(&w)
                || lexicon::is_group_head(&w)
                || lexicon::is_indefinite_pronoun(&w)
                // "… and former secretary of state said": a role noun
                // heads the phrase, its "of" complement only says which
                || self.is_word(first) && (lexicon::is_title(&w) || lexicon::is_person_role(&w))
                // "28 percent of voters": a share opens the phrase
                || self.kind(first) == Some(TokenKind::Number) && self.low(first + 1) == "percent"
                || self.is_word(first)
                    && lexicon::is_postnominal_adjective(&self.low(first + 1))
                    && matches!(self.low(first + 2).as_ref(), "to" | "with" | "about" | "of")
                // "proponents of the bill", "voters nationwide": a plural
                // noun with its "of" complement or a place adverb after it
                || first + 1 < end
                    && self.plural_noun(first)
                    && (self.low(first + 1) == "of"
                        || lexicon::is_place_adverb(&self.low(first + 1)))
            {
                break;
            }
            first += 1;
        }
        (first < end).then_some(Range { first, end })
    }

    /// Where a role phrase joined by "and" to the one from `first` to
    /// `end` opens: "the former governor and U.S. senator" (the second
    /// role bare, no article of its own, both heads lowercase person nouns
    /// in the singular: "the mayor and her aides" are two subjects).
    pub fn coordinated_roles(&self, first: usize, end: usize, floor: usize) -> Option<usize> {
        let and = first.checked_sub(1)?;
        if and <= floor + 1 || first >= end || self.low(and) != "and" || self.in_quote(and) {
            return None;
        }
        let w = self.low(first);
        if lexicon::is_determiner(&w) || lexicon::is_subject_pronoun(&w) {
            return None;
        }
        // a hyphenated compound counts whole ("front-runner")
        let role = |k: usize| {
            let mut w = self.low(k).into_owned();
            if k >= 2 && self.s(k - 1) == "-" && self.is_word(k - 2) {
                w = format!("{}-{}", self.low(k - 2), w);
            }
            self.is_word(k) && !self.cap(k) && lexicon::is_person_noun(&w) && !self.plural_noun(k)
        };
        let head = (first..end)
            .find(|&k| self.low(k) == "of")
            .unwrap_or(end)
            .checked_sub(1)?;
        if head < first || !role(head) || !role(and - 1) {
            return None;
        }
        let mut k = and - 1;
        while k > floor && and - k < 6 {
            k -= 1;
            let w = self.low(k);
            if self.in_quote(k) {
                return None;
            }
            if w == "the" {
                return Some(k);
            }
            if !(self.is_word(k) || self.s(k) == "-")
                || self.verbish(k)
                || self.irregular_past(k)
                || lexicon::is_left_barrier(&w)
            {
                return None;
            }
        }
        None
    }

    /// Whether token `k` looks like a lowercase plural noun ("voters",
    /// "proponents"): an -s word that is no verb form, pronoun or
    /// function word.
    pub fn plural_noun(&self, k: usize) -> bool {
        let w = self.low(k);
        self.is_word(k)
            && !self.cap(k)
            && w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("ous")
            && !self.verbish(k)
            && !lexicon::is_determiner(&w)
            && !lexicon::is_np_preposition(&w)
            && lexicon::cue_class(&w).is_none()
    }

    /// Whether token `k` is a cardinal number, in digits or words ("12",
    /// "two"; not "a").
    pub fn is_cardinal(&self, k: usize) -> bool {
        let w = self.low(k);
        !w.is_empty() && w.chars().all(|c| c.is_ascii_digit())
            || !matches!(w.as_ref(), "a" | "an" | "single")
                && crate::enrich::dates::lexicon::number_word(&w).is_some()
    }

    /// Whether token `k` names a month or a weekday ("March", "Tuesday";
    /// not "may" or "mar"): a date, which says when, never who.
    pub fn is_month_or_weekday(&self, k: usize) -> bool {
        let w = self.low(k);
        self.is_word(k)
            && (crate::enrich::dates::lexicon::month(&w).is_some() && w.len() > 4
                || crate::enrich::dates::lexicon::weekday_full(&w).is_some())
    }

    /// Whether token `k` marks a possessive: "'s", or a plural's bare
    /// apostrophe ([`View::plural_possessive_mark`]).
    pub fn is_possessive(&self, k: usize) -> bool {
        matches!(self.s(k), "'s" | "’s") || self.plural_possessive_mark(k)
    }

    /// Whether token `k` is the apostrophe of a plural possessive, attached
    /// to the word before it: "the Smiths' suit", "Acme Motors' plan".
    pub fn plural_possessive_mark(&self, k: usize) -> bool {
        let t = self.text.tokens();
        matches!(self.s(k), "'" | "’")
            && k > 0
            && t[k].cstart == t[k - 1].cend
            && self.is_word(k - 1)
            && self.low(k - 1).ends_with('s')
    }

    /// A cue by which an outlet passes on what others said ("the Ledger
    /// reported", "according to the Ledger"), not words of its own.
    pub fn is_relay_cue(&self, k: usize) -> bool {
        matches!(
            self.low(k).as_ref(),
            "reported" | "reports" | "reporting" | "according"
        )
    }

    /// A signature line under a quotation ending at token `end`: the next
    /// line opens with a dash and a name, and the name is all the line
    /// holds but a title after a comma and a final dot ("— Jane Roe.",
    /// "- Jane Roe, mayor of Springfield"). The layout of fact-checks and
    /// collected sayings; the name is the speaker.
    pub fn signature_after(&self, end: usize) -> Option<Range> {
        let toks = self.text.tokens();
        // past the closing mark and the final punctuation
        let mut k = end;
        while k < self.len() && k < end + 3 && toks[k].newlines_before == 0 {
            if !(self.is_quote(k) || self.kind(k) == Some(TokenKind::Punct)) {
                return None;
            }
            k += 1;
        }
        if toks.get(k)?.newlines_before == 0 {
            return None;
        }
        self.signature_at(k)
    }

    /// A signature line opening at token `dash`: a dash and a name, and
    /// nothing else on the line but a title after a comma and a final dot
    /// ("— Jane Roe.", "- Jane Roe, mayor of Springfield"). Under a
    /// quotation it names the speaker ([`View::signature_after`]); closing
    /// an article it signs it.
    pub fn signature_at(&self, dash: usize) -> Option<Range> {
        let toks = self.text.tokens();
        if !matches!(self.s(dash), "-" | "—" | "–" | "--") {
            return None;
        }
        let first = dash + 1;
        let mut e = first;
        while e < self.len()
            && e < first + 6
            && toks[e].newlines_before == 0
            && (self.is_word(e) && self.cap(e) || self.s(e) == "." && self.cap(e + 1) && e > first)
        {
            e += 1;
        }
        if e == first || !self.is_word(first) {
            return None;
        }
        // the line ends after the name, a dot or a comma and a title
        let line_ends = |k: usize| k >= self.len() || toks[k].newlines_before > 0;
        let ok = line_ends(e)
            || self.s(e) == "." && line_ends(e + 1)
            || self.s(e) == "," && (e + 1..(e + 16).min(self.len() + 1)).any(line_ends);
        ok.then_some(Range { first, end: e })
    }

    /// The noun phrase starting at token `start`, scanning right (after an
    /// inverted cue: "said Acme CEO Jane Roe, …").
    pub fn np_rightward(&self, start: usize, ceil: usize) -> Option<Range> {
        let w0 = self.low(start);
        if self.is_word(start) && lexicon::is_subject_pronoun(&w0) {
            return Some(Range {
                first: start,
                end: start + 1,
            });
        }
        let mut end = start;
        while end < ceil && end - start < 14 {
            let w = self.low(end);
            let ok = match self.kind(end) {
                Some(TokenKind::Word) => {
                    if end == start {
                        !lexicon::is_left_barrier(&w) || lexicon::is_determiner(&w)
                    } else if w == "that" || lexicon::is_wh(&w) {
                        // a complement or relative clause starts here
                        false
                    } else if matches!(w.as_ref(), "to" | "about")
                        && lexicon::is_postnominal_adjective(&self.low(end - 1))
                        || w == "to" && lexicon::is_associate_head(&self.low(end - 1))
                    {
                        // "said a person close to the mayor", "said an aide
                        // to the mayor"
                        self.is_word(end + 1)
                    } else if lexicon::is_np_preposition(&w) {
                        self.is_word(end + 1) || self.kind(end + 1) == Some(TokenKind::Number)
                    } else if self.cap(end)
                        || lexicon::is_determiner(&w)
                        || w.ends_with("'s")
                        || self.joined_hyphen_before(end)
                    {
                        // "Ohio-based", "Acme-owned": one compound modifier
                        true
                    } else {
                        // "said the printed card", "noted a report for …":
                        // after a determiner, an adjective or a noun
                        let after_determiner =
                            matches!(self.low(end - 1).as_ref(), "the" | "a" | "an")
                                && self.is_word(end + 1)
                                && (self.verbish(end) && !lexicon::is_aux(&w)
                                    || lexicon::is_nouny_form(&w)
                                        && lexicon::is_np_preposition(&self.low(end + 1)));
                        after_determiner
                        // "said Budget ranking member Jane Roe"
                        || lexicon::is_title_participle(&w) && self.is_word(end + 1)
                            || !(self.verbish(end)
                                || self.irregular_past(end)
                                || lexicon::is_ing(&w)
                                || lexicon::is_left_barrier(&w)
                                || lexicon::is_time_word(&w)
                                || lexicon::cue_class(&w).is_some())
                    }
                }
                Some(TokenKind::Number) => end > start,
                // "according to the Tax Center - a third of the total":
                // a spaced dash opens an aside, the phrase ends before it
                Some(TokenKind::Punct) if self.spaced_hyphen(end) => false,
                Some(TokenKind::Punct) => {
                    end > start
                        && (matches!(self.s(end), "&" | "-" | "/")
                            // "Acme Inc. CEO Jane Roe"
                            || self.s(end) == "."
                                && (matches!(
                                    self.low(end - 1).as_ref(),
                                    "inc" | "corp" | "co" | "ltd" | "jr" | "sr" | "mr" | "mrs" | "ms" | "dr" | "st"
                                ) || lexicon::is_title(&self.low(end - 1))
                                    && self.cap(end + 1)) || self.s(end) == "." && self.s(end - 1).chars().count() == 1 && self.cap(end - 1)
                                && self.cap(end + 1)
                                && !self.text.is_sentence_start(end + 1))
                }
                _ => false,
            };
            if !ok {
                break;
            }
            end += 1;
        }
        // do not end on a preposition
        while end > start && lexicon::is_np_preposition(&self.low(end - 1)) {
            end -= 1;
        }
        (end > start).then_some(Range { first: start, end })
    }
}
