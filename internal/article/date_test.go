package article

import (
	"strings"
	"testing"
)

func TestDates(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Redazione RHC : 19 Luglio 2022 20:37", "2022-07-19"},
		{"March 3, 2021", "2021-03-03"},
		{"Publié le 3 mars 2021", "2021-03-03"},
		{"5. Juli 2021, 10:30 Uhr", "2021-07-05"},
		{"10 de mayo de 2021", "2021-05-10"},
		{"Door Pieter - 2 februari 2023", "2023-02-02"},
		{"Feb 24, 2022 | CYBERSCOOP", "2022-02-24"},
		{"todayJuly 5, 2021 2", "2021-07-05"},
		{"24th February, 2022", "2022-02-24"},
		{"Oct. 1, 2021", "2021-10-01"},
		{"2021-07-19T10:00:00Z", "2021-07-19"},
		{"Di Redazione RHC - 18/09/2025", "2025-09-18"},
		{"Published: 05 February 2021 05 February 2021", "2021-02-05"},
		{"20. julij 2020", "2020-07-20"}, // Slovenian, through go-dateparser
		{"March 2021", ""},               // month only
		{"31 February 2021", ""},         // no such day
		{"2 hours ago", ""},
		{"version 88.0.4324.150", ""},
	}
	for _, c := range cases {
		got := ""
		if m, ok := findDate(c.in, dateOpts{}); ok {
			got = m.date.String()
		}
		if got != c.want {
			t.Errorf("findDate(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// Ambiguous numeric dates: day first unless the text is English.
	us := func() bool { return true }
	if m, _ := findDate("03/04/2021", dateOpts{mdy: us}); m.date.String() != "2021-03-04" {
		t.Errorf("US order: %v", m.date)
	}
	if m, _ := findDate("03/04/2021", dateOpts{}); m.date.String() != "2021-04-03" {
		t.Errorf("European order: %v", m.date)
	}
}

func TestDateFromURL(t *testing.T) {
	cases := []struct{ in, want string }{
		{"https://bdnews24.com/world/2020/07/16/russian-hackers", "2020-07-16"},
		{"http://pghtechguy.com/home/2021/2/5/google-chrome", "2021-02-05"},
		{"https://informador.mx/x/El-FBI-responsabiliza-20210511-0003.html", "2021-05-11"},
		{"https://example.com/news/2022-07-19-belgium.html", "2022-07-19"},
		{"https://www.defenseone.com/threats/2022/02/iran-linked/362485/", ""}, // month only
		{"https://example.com/story?date=2021/05/04/", ""},                     // query string
		{"https://example.com/amparticle/emotet-2021020635801", ""},            // 13 digits: an id
		{"https://example.com/2021/13/45/x", ""},
		{"", ""},
	}
	for _, c := range cases {
		if got := dateFromURL(c.in); got != c.want {
			t.Errorf("dateFromURL(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMarker(t *testing.T) {
	cases := []struct{ in, rest, date, month string }{
		{" date 2023-06-05 The governments said", "The governments said", "2023-06-05", ""},
		{" date 2021-01 Sans que nous", "Sans que nous", "", "2021-01"},
		{"date 2022-12\nLes pirates", "\nLes pirates", "", "2022-12"},
		{" date 2022-13 Out of range", "Out of range", "", ""},
		{"The date 2021-01-01 is in the text", "The date 2021-01-01 is in the text", "", ""},
	}
	for _, c := range cases {
		rest, date, month := parseMarker(c.in)
		if rest != c.rest || date != c.date || month != c.month {
			t.Errorf("parseMarker(%q) = %q, %q, %q; want %q, %q, %q", c.in, rest, date, month, c.rest, c.date, c.month)
		}
	}
	// A month-only marker with no other date gives the month.
	a, err := Parse([]byte(" date 2022-01 US Cyber Command: il gruppo MuddyWater è parte dell'intelligence iraniana.\n\nPer il Cyber Command americano il gruppo sarebbe un elemento dell'intelligence."), Options{})
	if err != nil || a.Published != "" || a.Month != "2022-01" {
		t.Errorf("month marker: Published %q Month %q, %v; want \"\" and 2022-01", a.Published, a.Month, err)
	}
	// A month-only marker leaves room for the URL's full date.
	a, err = Parse([]byte(" date 2021-07 In Schweden sind viele Filialen der Supermarktkette Coop nach wie vor dicht."),
		Options{URL: "https://de.euronews.com/2021/07/05/weltweite-cyberattacke"})
	if err != nil || a.Published != "2021-07-05" || a.Month != "" || strings.Contains(a.Text, "date 2021") {
		t.Errorf("month marker + URL: %+v, %v", a, err)
	}
}
