package recognize

// Read-only views of recognition's word lists and helpers, for package
// claims: the claim extractor reasons about the same targeting, blame and
// list wording as country roles do, and should not keep a second copy that
// drifts from this one. Words are folded (Token.Fold).

// TargetCueWords returns the words that introduce a victim ("targeted",
// "contro", "visant", "gegen"), for callers that fold several word lists
// into one table.
func TargetCueWords() []string { return keys(targetCues) }

// AttackWords returns the words that say an attack with victims took place
// ("attacks", "breached", "colpiti").
func AttackWords() []string { return keys(attackWords) }

// IsBlameCue reports whether a folded word blames its object: "blamed",
// "accusa", "beschuldigt".
func IsBlameCue(fold string) bool { return blameCues[fold] }

// IsMalwareCue reports whether a folded word shows that a nearby name is
// malware or a tool: "backdoor", "RAT", "loader".
func IsMalwareCue(fold string) bool { return malwareCues[fold] }

// IsListGap reports whether the text between two names only separates items
// of a list (commas, slashes, "and", "e", "und").
func IsListGap(s string) bool { return isListGap(s) }

// NamingPhraseAt returns the number of tokens of the naming phrase ("also
// known as", "noto anche come", "tracked as") that starts at ts[j], or 0.
func NamingPhraseAt(ts []Token, j int) int { return len(phraseAt(ts, j, namingCues)) }

// TokenAt returns the index of the first token of the analysis that ends
// after byte offset off (len(a.Tokens) when none does).
func (a *Analysis) TokenAt(off int) int { return tokenAt(a.Tokens, off) }

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
