package namekey

// latinFold maps Latin letters with diacritics to their base letters. It is
// written out rather than derived through Unicode normalisation so that
// folding a rune is one map lookup: the recognizer folds every rune of every
// article.
var latinFold = buildLatinFold()

func buildLatinFold() map[rune]string {
	groups := map[string]string{
		"a":  "àáâãäåāăąǎȁȃȧạảấầẩẫậắằẳẵặ",
		"ae": "æǽ",
		"c":  "çćĉċč",
		"d":  "ďđð",
		"e":  "èéêëēĕėęěȅȇẹẻẽếềểễệ",
		"g":  "ĝğġģ",
		"h":  "ĥħ",
		"i":  "ìíîïĩīĭįıǐȉȋịỉ",
		"j":  "ĵ",
		"k":  "ķ",
		"l":  "ĺļľŀł",
		"n":  "ñńņňŉ",
		"o":  "òóôõöøōŏőǒȍȏọỏốồổỗộớờởỡợơ",
		"oe": "œ",
		"r":  "ŕŗř",
		"s":  "śŝşšș",
		"ss": "ß",
		"t":  "ţťŧț",
		"th": "þ",
		"u":  "ùúûüũūŭůűųǔȕȗụủứừửữựư",
		"w":  "ŵ",
		"y":  "ýÿŷỳỵỷỹ",
		"z":  "źżž",
	}
	m := make(map[rune]string, 512)
	for base, letters := range groups {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}
