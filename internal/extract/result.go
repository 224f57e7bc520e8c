// Package extract reads one article and says who attacked whom: the actors,
// countries and their roles, malware, vulnerabilities, sectors and
// indicators in it. It needs no database.
package extract

import "github.com/aptwatch/aptwatch/internal/claims"

// Result is what extract prints for one article. docs/extract-format.md
// documents every field.
type Result struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Published string `json:"published"`
	// Month is YYYY-MM when the document gives only its month.
	Month           string         `json:"month,omitempty"`
	Language        string         `json:"language"`
	URL             string         `json:"url,omitempty"`
	Actors          []Actor        `json:"actors"`
	Countries       []Country      `json:"countries"`
	Malware         []Malware      `json:"malware"`
	Vulnerabilities []Vuln         `json:"vulnerabilities"`
	Organisations   []Organisation `json:"organisations"`
	Sectors         []Sector       `json:"sectors"`
	Indicators      []Indicator    `json:"indicators"`
	Claims          []claims.Claim `json:"claims"`
	Text            string         `json:"text,omitempty"`
	Explain         []Decision     `json:"explain,omitempty"`
}

// Span is a mention's place in the cleaned text (byte offsets).
type Span struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Actor is a threat actor named in the article.
type Actor struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	AttackID   *string  `json:"attack_id"`
	Aliases    []string `json:"aliases"`
	Kind       string   `json:"kind"`
	Sponsor    *string  `json:"sponsor"`
	Mentions   []Span   `json:"mentions"`
	Confidence float64  `json:"confidence"`
}

// Country is a country named in the article, with the roles it plays.
type Country struct {
	Code     string   `json:"code"`
	Name     string   `json:"name"`
	Roles    []string `json:"roles"`
	Mentions []Span   `json:"mentions"`
}

// Malware is a malware family or tool named in the article.
type Malware struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	AttackID *string  `json:"attack_id"`
	Aliases  []string `json:"aliases"`
	Kind     string   `json:"kind"` // malware or tool
	Type     string   `json:"type,omitempty"`
	Mentions []Span   `json:"mentions"`
}

// Vuln is a vulnerability named in the article: a CVE id written in the
// text, or a named vulnerability. CVEs lists only ids written in the text;
// KnownCVEs are the catalogue's ids for a named vulnerability.
type Vuln struct {
	ID        string   `json:"id,omitempty"` // catalogue id of a named vulnerability
	Name      string   `json:"name"`
	CVEs      []string `json:"cves"`
	KnownCVEs []string `json:"known_cves,omitempty"`
	Product   string   `json:"product,omitempty"`
	Mentions  []Span   `json:"mentions"`
}

// Organisation is an organisation named as a target.
type Organisation struct {
	Name     string `json:"name"`
	Mentions []Span `json:"mentions"`
}

// Sector is a sector named as a target.
type Sector struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Mentions []Span `json:"mentions"`
}

// Indicator is an indicator of compromise; Value is refanged.
type Indicator struct {
	Type     string `json:"type"`
	Value    string `json:"value"`
	Text     string `json:"text"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Defanged bool   `json:"defanged,omitempty"`
}

// Decision explains one believed or rejected mention (--explain).
type Decision struct {
	Entity   string `json:"entity"`
	Kind     string `json:"kind"`
	Text     string `json:"text"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Alias    string `json:"alias,omitempty"`
	Rule     string `json:"rule"`
	Accepted bool   `json:"accepted"`
	Reason   string `json:"reason"`
	Sentence string `json:"sentence"`
}
