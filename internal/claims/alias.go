package claims

import (
	"strings"

	"github.com/aptwatch/aptwatch/internal/catalog"
	"github.com/aptwatch/aptwatch/internal/namekey"
	"github.com/aptwatch/aptwatch/internal/recognize"
)

// pluralActorNouns before "known as" make what follows a list of several
// actors ("the groups known as APT27, APT30, APT31"), not several names of
// one.
var pluralActorNouns = words(`groups actors gangs crews apts gruppi attori bande groupes acteurs gangs gruppen akteure banden grupos actores bandas groepen actoren bendes`)

// orJoiners join names of one thing: "APT41 or Winnti", "APT41 ou Winnti".
var orJoiners = words(`or o ou oder of aka`)

// moreJoiners may also stand between the names of a list: "Wicked Panda
// ou encore Wicked Spider", "as well as".
var moreJoiners = words(`encore even also as well ancora anche oppure ainsi que auch sowie tambien incluso ook alsmede`)

// moreNaming are naming phrases the recognizer's list lacks, written
// for alias statements: "which has gone by the names", "auch als ...
// bekannt", "sotto il nome".
var moreNaming = phrases(`
goes by|go by|gone by|went by|under the name|under the names|tracked under|also tracked as|tracked by|as tracked by|a k a
sotto il nome|sotto i nomi|noto anche|nota anche|noti anche|conosciuto anche
sous le nom|sous les noms|egalement appele|aussi appele|aussi connu
auch als|unter dem namen|unter den namen|auch bekannt
bajo el nombre|bajo los nombres|tambien llamado|tambien conocido
onder de naam|ook wel|ook bekend
`)

// namingAt returns the length of the naming phrase at ts[j], or 0.
func namingAt(ts []recognize.Token, j int) int {
	if n := recognize.NamingPhraseAt(ts, j); n > 0 {
		return n
	}
	return moreNaming.at(ts, j, len(ts))
}

// listGap reports whether the text between two names only separates items
// of a list, allowing "ou encore", "as well as".
func listGap(s string) bool {
	if recognize.IsListGap(s) {
		return true
	}
	if len(s) > 20 || strings.ContainsAny(s, ".;:") {
		return false
	}
	for _, t := range recognize.Tokenize(s) {
		if !moreJoiners[t.Fold] && !orJoiners[t.Fold] && t.Fold != "and" && t.Fold != "e" && t.Fold != "et" && t.Fold != "und" && t.Fold != "y" && t.Fold != "en" {
			return false
		}
	}
	return true
}

// name is one actor name written in a sentence.
type name struct {
	start, end int
	text       string
	ent        *catalog.Entity // after the recognizer's merges; nil for a new name
}

// aliases reads alias statements from sentence si: "MuddyWater, also known
// as Earth Vetala, MERCURY ...", "Kimsuky (also referred to as APT43 ...)",
// "UNSC 2814/GALLIUM/SOFTCELL", "tracciato con più nomi, tra cui Gallium,
// Softcell e UNSC 2814". Each other name is one claim whose Object carries
// the catalogue id that name has on its own, so that a wrong equivalence
// shows as a claim between two entities and never touches the catalogue.
func (d *doc) aliases(si int) {
	ns := d.sents[si].names
	for i := 0; i < len(ns); {
		j, named := i, false
		orJoined := false
	chain:
		for j+1 < len(ns) {
			gap := d.text[ns[j].end:ns[j+1].start]
			if ns[j].end > ns[j+1].start || len(gap) > 80 {
				break
			}
			switch {
			case strings.TrimSpace(gap) == "/" || strings.Contains(gap, "(") || namingGap(gap):
				named = true
			case listGap(gap):
				for _, t := range recognize.Tokenize(gap) {
					orJoined = orJoined || orJoiners[t.Fold]
				}
			default:
				break chain
			}
			j++
		}
		if j > i && (named || d.namedBefore(si, ns[i:j+1], orJoined)) {
			d.emitAliases(si, ns[i:j+1])
		}
		i = j + 1
	}
}

// namingGap reports whether the text between two names gives the second
// as another name of the first: a naming phrase with at most three other
// words ("APT29, the hacking group known as Cozy Bear", "“ZINC” and is
// also known as “Lazarus”"). More words make a new clause about another
// actor ("APT31 e un quarto gruppo di minacce tracciato con più nomi").
func namingGap(s string) bool {
	ts := recognize.Tokenize(s)
	found, other := false, 0
	for j := 0; j < len(ts); j++ {
		if n := namingAt(ts, j); n > 0 {
			found = true
			j += n - 1
			continue
		}
		other++
	}
	return found && other <= 3
}

// namedBefore reports whether a naming phrase just before a list makes its
// names one actor's: "a group known as APT41 or Winnti", "un quarto gruppo
// ... tracciato con più nomi, tra cui Gallium, Softcell e UNSC 2814". After
// a plural ("the groups known as"), names of different actors are a list.
func (d *doc) namedBefore(si int, ns []name, orJoined bool) bool {
	s := &d.sents[si]
	first := d.a.TokenAt(ns[0].start)
	from := max(s.lo, d.a.TokenAt(ns[0].start-60))
	phrase := -1
	for j := from; j < first; j++ {
		if namingAt(d.ts, j) > 0 {
			phrase = j
		}
	}
	if phrase < 0 {
		return false
	}
	same := true
	for _, n := range ns[1:] {
		same = same && n.ent != nil && n.ent == ns[0].ent
	}
	if same || orJoined {
		return true
	}
	// Names of different actors joined by "and" after "known as" are one
	// actor's only when a singular noun says so ("a group known as");
	// after a plural ("the groups known as", "activities tracked under the
	// monikers") they are a list.
	for k := phrase - 1; k >= phrase-5 && k >= s.lo; k-- {
		if pluralActorNouns[d.ts[k].Fold] {
			return false
		}
		if singularActorNouns[d.ts[k].Fold] {
			return true
		}
	}
	return false
}

// singularActorNouns before "known as" make the names that follow one
// actor's: "a group known as", "un gruppo noto come", "un groupe connu sous".
var singularActorNouns = words(`group actor gang cluster crew team outfit gruppo attore banda groupe acteur equipe gruppe akteur bande grupo actor banda groep bende`)

// emitAliases emits one alias claim per name of ns other than the
// subject's own: the subject is the actor the first name denotes.
func (d *doc) emitAliases(si int, ns []name) {
	head := ns[0]
	subj := Party{Kind: KindActor, Name: head.text}
	if head.ent != nil {
		subj = Party{Kind: KindActor, ID: head.ent.ID, Name: head.ent.Name}
	}
	seen := map[string]bool{namekey.Key(subj.Name): true}
	for _, n := range ns {
		k := namekey.Key(n.text)
		if seen[k] {
			continue
		}
		seen[k] = true
		obj := Party{Kind: KindActor, Name: n.text}
		if m, ok := d.cat.Resolve(n.text, catalog.Actor, catalog.Campaign); ok {
			obj.ID = m.Entity.ID
		}
		d.emit(si, Claim{Type: AliasClaim, Subject: subj, Object: obj, Hedge: Asserted})
	}
}
