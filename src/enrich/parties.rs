//! The US parties as news writes them, for the two stages that read them:
//! the entity stage (party tags "(D-Calif.)", ", R-Texas," and their
//! spelled form "Democrat of Vermont", see `entities::states`) and the
//! quote stage (a description "the Ohio Republican" fits a speaker the
//! article tags "R-Ohio" or calls "Republican", `quotes::speaker`).
//!
//! One table, so that a party's letter, its member noun and its words
//! cannot drift apart between the stages.

/// One party: how a tag abbreviates it, what its member is called, and
/// the words that tell its members from another party's.
#[derive(Debug)]
pub(crate) struct Party {
    /// The letter of a party and state tag ("R" of "R-Ohio").
    pub letter: char,
    /// The noun for a member, lowercased ("republican").
    pub member: &'static str,
    /// The lowercased words that name the party in a description ("the
    /// Republican", "a GOP senator", "Democratic leaders"). None for
    /// independents: being one says nothing against a party's words
    /// around the name (an independent may caucus with a party).
    pub words: &'static [&'static str],
}

/// The parties a US party tag names.
pub(crate) const PARTIES: &[Party] = &[
    Party {
        letter: 'R',
        member: "republican",
        words: &["republican", "gop"],
    },
    Party {
        letter: 'D',
        member: "democrat",
        words: &["democrat", "democratic"],
    },
    Party {
        letter: 'I',
        member: "independent",
        words: &[],
    },
];

/// The party whose member noun is `w` (lowercased: "democrat").
pub(crate) fn by_member(w: &str) -> Option<&'static Party> {
    PARTIES.iter().find(|p| p.member == w)
}

/// Whether the token `w` is a party letter alone ("D" of "D" "-" "Ohio").
pub(crate) fn is_letter(w: &str) -> bool {
    let mut chars = w.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => PARTIES.iter().any(|p| p.letter == c),
        _ => false,
    }
}

/// Whether `w` is a member noun capitalized as a party tag spells it out
/// ("Democrat" of "Jane Roe, Democrat of Vermont,"); not in capitals or
/// lowercase.
pub(crate) fn is_capitalized_member(w: &str) -> bool {
    PARTIES.iter().any(|p| {
        let m = p.member.as_bytes();
        w.len() == m.len()
            && w.as_bytes()[0] == m[0].to_ascii_uppercase()
            && w.as_bytes()[1..] == m[1..]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_members_and_spelled_forms() {
        assert!(is_letter("R") && is_letter("D") && is_letter("I"));
        assert!(!is_letter("X") && !is_letter("RD") && !is_letter("") && !is_letter("r"));
        assert_eq!(by_member("democrat").map(|p| p.letter), Some('D'));
        assert_eq!(by_member("independent").map(|p| p.letter), Some('I'));
        assert!(by_member("liberal").is_none() && by_member("Democrat").is_none());
        assert!(is_capitalized_member("Republican") && is_capitalized_member("Independent"));
        assert!(!is_capitalized_member("republican") && !is_capitalized_member("DEMOCRAT"));
        assert!(!is_capitalized_member("Democratic") && !is_capitalized_member(""));
    }
}
