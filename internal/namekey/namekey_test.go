package namekey

import "testing"

func TestKey(t *testing.T) {
	tests := []struct{ in, key, joined, words string }{
		{"APT31", " apt31 ", "apt31", "apt31"},
		{"apt-31", " apt  31 ", "apt31", "apt 31"},
		{"Threat Group-3390", " threat  group  3390 ", "threatgroup3390", "threat group 3390"},
		{"Kuschelbär", " kuschelbar ", "kuschelbar", "kuschelbar"},
		{"ÉTATS-UNIS", " etats  unis ", "etatsunis", "etats unis"},
		{"Straße", " strasse ", "strasse", "strasse"},
		{"NoName057(16)", " noname057  16 ", "noname05716", "noname057 16"},
		{"«APT29»", " apt29 ", "apt29", "apt29"},
		{"---", "", "", ""},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.key {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.key)
		}
		if got := Joined(tt.in); got != tt.joined {
			t.Errorf("Joined(%q) = %q, want %q", tt.in, got, tt.joined)
		}
		if got := Words(tt.in); got != tt.words {
			t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.words)
		}
	}
}

// TestStream checks that the key stream of a text holds each name's key
// where the name stands, and that words map back to the text.
func TestStream(t *testing.T) {
	text := "Le groupe «APT 28», alias Fancy Bear, a visé l'Élysée."
	s := NewStream(text)
	if want := " le  groupe  apt  28  alias  fancy  bear  a  vise  l  elysee "; string(s.Key) != want {
		t.Fatalf("key stream %q, want %q", s.Key, want)
	}
	for _, w := range s.Words {
		folded := string(s.Key[w.KeyStart:w.KeyEnd])
		if got := Joined(text[w.TextStart:w.TextEnd]); got != folded {
			t.Errorf("word %q maps back to %q", folded, text[w.TextStart:w.TextEnd])
		}
	}
	if s2 := NewStream(""); string(s2.Key) != "  " || len(s2.Words) != 0 {
		t.Errorf("empty text: key %q, %d words", s2.Key, len(s2.Words))
	}
}
