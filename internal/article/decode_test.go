package article

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

func TestErrors(t *testing.T) {
	utf16Blank := []byte{0xff, 0xfe, ' ', 0, '\n', 0, '\t', 0}
	cases := []struct {
		name string
		raw  []byte
		opt  Options
		want error
	}{
		{"nil", nil, Options{}, ErrEmpty},
		{"whitespace", []byte(" \n\t\r\n  "), Options{}, ErrEmpty},
		{"utf16 whitespace", utf16Blank, Options{}, ErrEmpty},
		{"bom only", []byte("\xef\xbb\xbf"), Options{}, ErrEmpty},
		{"nul", []byte("hello\x00world, this is not text"), Options{}, ErrBinary},
		{"pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), Options{}, ErrBinary},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), Options{}, ErrBinary},
		{"gzip", []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00"), Options{}, ErrBinary},
		{"random with nul", []byte("\x13\x00\x9f\x00\x00\x41\x7f\x00\x00\x00\x12\x34"), Options{}, ErrBinary},
		{"controls", bytes.Repeat([]byte("ab\x01\x02\x03\x04cd"), 100), Options{}, ErrBinary},
		{"too large", bytes.Repeat([]byte("a"), 101), Options{MaxBytes: 100}, ErrTooLarge},
	}
	for _, c := range cases {
		a, err := Parse(c.raw, c.opt)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
		if a != nil {
			t.Errorf("%s: article returned with error", c.name)
		}
		if err != nil && err.Error() == c.want.Error() {
			t.Errorf("%s: error %q carries no detail", c.name, err)
		}
	}
	// The default limit is 20 MiB.
	if _, err := Parse(make([]byte, DefaultMaxBytes+1), Options{}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("default limit: err = %v", err)
	}
	if _, err := Parse([]byte("exactly at the limit"), Options{MaxBytes: 20}); err != nil {
		t.Errorf("at the limit: %v", err)
	}
}

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var b []byte
	if bom {
		if bigEndian {
			b = append(b, 0xfe, 0xff)
		} else {
			b = append(b, 0xff, 0xfe)
		}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

func TestEncodings(t *testing.T) {
	const fr = "Le groupe APT31 a visé le Sénat français à l’automne, selon l’ANSSI."
	const ru = "Группа Sandworm атаковала энергосистему Украины, сообщили в СБУ."
	cases := []struct {
		name string
		raw  []byte
		ct   string
		want string
	}{
		{"utf8", []byte(fr), "", fr},
		{"utf8 bom", append([]byte("\xef\xbb\xbf"), fr...), "", fr},
		{"utf16le bom", utf16Bytes(fr, false, true), "", fr},
		{"utf16be bom", utf16Bytes(fr, true, true), "", fr},
		{"utf16le no bom", utf16Bytes(fr, false, false), "", fr},
		{"utf16be no bom", utf16Bytes(fr, true, false), "", fr},
		{"utf16le cyrillic no bom", utf16Bytes(ru, false, false), "", ru},
		{"latin1", []byte("Le groupe APT31 a vis\xe9 le S\xe9nat fran\xe7ais."), "", "Le groupe APT31 a visé le Sénat français."},
		{"windows-1252 quotes", []byte("\x93APT31\x94 \x96 the group\x92s tools cost \x80 5."), "", "“APT31” – the group’s tools cost € 5."},
		{"header charset", []byte("Der Bundestag wurde angegriffen, sagte die Beh\xf6rde."), "text/plain; charset=ISO-8859-1", "Der Bundestag wurde angegriffen, sagte die Behörde."},
		{"label wrong, bytes utf8", []byte("Die Behörde äußerte sich."), "text/plain; charset=iso-8859-1", "Die Behörde äußerte sich."},
		{"label utf8, bytes latin1", []byte("La polic\xeda espa\xf1ola detuvo al grupo."), "text/plain; charset=utf-8", "La policía española detuvo al grupo."},
		{"stray invalid byte", []byte("Sandworm — GRU unit 74455 \xff attacked the grid. Ukraine’s CERT-UA said so."), "", "Sandworm — GRU unit 74455 \uFFFD attacked the grid."},
		{"nbsp and zero-width", []byte("APT\u00a040 and Hafni\u200bum"), "", "APT 40 and Hafnium"},
		{"crlf", []byte("Line one about Turla\r\nline two\rline three"), "", "Line one about Turla\nline two\nline three"},
		{"text that starts like a RIFF file", []byte("RIFF is the container format of WAV files."), "", "RIFF is the container"},
	}
	for _, c := range cases {
		a, err := Parse(c.raw, Options{ContentType: c.ct})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if !utf8.ValidString(a.Text) {
			t.Errorf("%s: invalid UTF-8", c.name)
		}
		if !strings.Contains(a.Text, c.want) {
			t.Errorf("%s: Text = %q, want it to contain %q", c.name, a.Text, c.want)
		}
	}
}

func TestHTMLMetaCharset(t *testing.T) {
	page := "<!DOCTYPE html><html><head><meta charset=\"windows-1252\"><title>x</title></head><body><article>" +
		"<h1>Sp\xe9cial: le groupe APT29</h1><p>Les services de renseignement ont attribu\xe9 la campagne au groupe APT29, " +
		"\x93Cozy Bear\x94, qui vise des chercheurs travaillant sur un vaccin depuis le d\xe9but de l\x92ann\xe9e.</p></article></body></html>"
	a, err := Parse([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"attribué", "“Cozy Bear”", "l’année"} {
		if !strings.Contains(a.Text, s) {
			t.Errorf("missing %q in %q", s, a.Text)
		}
	}
}

func TestLooksLikeHTML(t *testing.T) {
	cases := []struct {
		s, ct string
		want  bool
	}{
		{"<!DOCTYPE html><html><body>x</body></html>", "", true},
		{"  \n<html lang=en><p>x", "", true},
		{"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>", "", true},
		{"<div><p>one</p><p>two</p><p>three</p></div>", "", true},
		{"<p>Fragment</p>", "text/html; charset=utf-8", true},
		{"Plain text that mentions the <script> tag and <br> once.", "", false},
		{"APT29 <apt29@example.com> wrote: a < b and c > d", "", false},
		{"Plain text served with the wrong label.", "text/html", false},
		{"<?xml version=\"1.0\"?><rss><channel><title>x</title></channel></rss>", "", false},
	}
	for _, c := range cases {
		if got := looksLikeHTML(c.s, c.ct); got != c.want {
			t.Errorf("looksLikeHTML(%q, %q) = %v, want %v", c.s, c.ct, got, c.want)
		}
	}
}
