package story

import (
	"slices"
	"testing"
)

func TestTextDates(t *testing.T) {
	tests := []struct {
		text, lang      string
		from, to, after string
	}{
		{"Redazione RHC : 19 Luglio 2022 20:37\nIl Belgio accusa la Cina", "it", "2022-07-19", "2022-07-19", "2022-07-19"},
		{"Written by | Feb 24, 2022 | CYBERSCOOP | agencies called out", "en", "2022-02-24", "2022-02-24", "2022-02-24"},
		{"todayJuly 5, 2021 2 | share close", "en", "2021-07-05", "2021-07-05", "2021-07-05"},
		{"(UrduPoint News / Sputnik - 24th February, 2022) US cyber", "en", "2022-02-24", "2022-02-24", "2022-02-24"},
		{"Europol a annoncé, le 27 janvier 2021, avoir mis", "fr", "2021-01-27", "2021-01-27", "2021-01-27"},
		{"am 16. Juli 2020 teilte das NCSC mit", "de", "2020-07-16", "2020-07-16", "2020-07-16"},
		{"el 10 de mayo de 2021 el FBI", "es", "2021-05-10", "2021-05-10", "2021-05-10"},
		// Month-only mentions bound the date from below, nothing more.
		{"The group was first reported by Microsoft in December 2019 and has been active since 2012.", "en", "", "", "2019-12-01"},
		{"No dates here, only on Monday.", "en", "", "", ""},
	}
	f := func(s string) string {
		if len(s) == 0 {
			return ""
		}
		return s
	}
	for _, tt := range tests {
		from, to, after := textDates(tt.text, tt.lang)
		got := []string{d(from), d(to), d(after)}
		want := []string{f(tt.from), f(tt.to), f(tt.after)}
		if !slices.Equal(got, want) {
			t.Errorf("textDates(%q) = %v, want %v", tt.text, got, want)
		}
	}
}

func d(t interface {
	IsZero() bool
	Format(string) string
}) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"REvil wants $70M, or $70 million", []string{"70000000", "70000000"}},
		{"Sie hat ein Lösegeld von 70 Millionen US-Dollar gefordert", []string{"70000000"}},
		{"exigió 70 millones de dólares; entre 800 y 1500 clientes", []string{"70000000", "800", "1500"}},
		{"more than 800 stores and 1,500 firms", []string{"800", "1500"}},
		// Years, dates, small numbers, versions, phone numbers are left out.
		{"On July 19, 2021, 3 groups; version 88.0.4324.150; call 375 593 1011", nil},
	}
	for _, tt := range tests {
		if got := numbers(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("numbers(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
