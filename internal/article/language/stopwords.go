package language

import "strings"

// stopWords holds, per language, a few dozen of its most frequent function
// words (articles, prepositions, conjunctions, auxiliaries). Security news is
// full of English nouns ("malware", "exploit", "ransomware") but its grammar
// stays in the article's own language, so counting function words is what
// keeps an Italian article with English jargon Italian. Lists are kept about
// the same length so that no language wins just by having more entries.
// Words shared by several languages are allowed: their weight is split
// between the languages that list them (see wordLangs). Words are split at
// apostrophes, so the elided articles (Italian "dell'", French "l'", "qu'")
// are listed without theirs. A few very frequent headline words ("new",
// "after", "against") are here too: headlines drop most function words.
var stopWords = map[string]string{
	"en": "the a and of to is in that it for was with as on are be by this have from " +
		"has which were been not or will their they its an at but said would also " +
		"after over how why what says into more than about against who new could",
	"it": "a il di che della per non è e la le un una del dei delle degli nel nella " +
		"sono con da al alla gli si anche ha hanno essere questo più stato sul tra ma dal " +
		"nuovo nuova dopo contro come secondo dell nell dall sull l",
	"fr": "le la les des est que une un du de et en dans pour pas qui sur au aux " +
		"par avec sont ont ce cette il ils été mais ou plus leur nous " +
		"nouveau nouvelle après contre comme selon chez l d qu n",
	"de": "der die und ist nicht ein eine das den dem des zu mit von auf für im " +
		"sich auch es sind wurde werden hat bei nach aus einer einen dass wie oder " +
		"neue neuen gegen über",
	"es": "el los las que del por una un de la en y se con para es al lo como más " +
		"su sus fue ha pero sobre este esta entre también desde " +
		"a nuevo nueva tras contra según",
	"nl": "de het een van niet dat en in is op te die voor met zijn er aan ook als " +
		"bij door worden wordt naar om heeft maar werd deze uit nog " +
		"nieuwe na tegen over",
	"pt": "a o os as não uma que do da dos das de em e um para com no na se por mais " +
		"ao foi como ser pelo pela à são também seu sua já está foram " +
		"novo nova após contra segundo",
	"pl": "i w nie się na że z do to jest o jak po od za co przez dla oraz są ale " +
		"tak ich jego został może było już tylko przy ze także",
	"sl": "in je na za da se so v z ki po pa ne tudi s bi o še od ter kot le ali " +
		"iz pri bo sta jih bil bila lahko ima med že",
	"cs": "a je v se na že to s z o do i jako ale by k které který která jsou pro " +
		"od po jeho jejich také byl byla bylo podle však mezi při není",
	"sv": "och i att det som en på är av för med till den har de inte om ett var " +
		"men från så kan vid sig efter också eller sina hade detta",
	"ro": "și de în la a cu că pe din pentru nu o un este sunt care mai ca fost au " +
		"se al ale lui prin sau acest această dar",
	"tr": "ve bir bu da de için ile olarak çok daha olan gibi en ne ki o mi değil " +
		"ama sonra kadar her tarafından göre olduğu veya ise yeni",
	"ru": "и в не на что с по это как из к для о от за но также был была были его " +
		"ее или так он она они уже при",
	"uk": "і в на що з не та до як у за від для це про також або але його її був " +
		"була які він вона вони вже при",
	"ar": "في من على إلى أن عن التي الذي مع هذا هذه كان قد لا ما أو بين كما وقد ذلك " +
		"تم عام وفي إن",
	"fa": "و در به از که این را با است برای آن یک تا می شد بود های کرد شده خود " +
		"نیز یا پس",
}

// wordLangs maps each stop word to the set of languages (a bitmask over
// alphabetic's indexes) that list it.
var wordLangs = func() map[string]uint32 {
	m := map[string]uint32{}
	for i, l := range alphabetic {
		for _, w := range strings.Fields(stopWords[l.code]) {
			m[w] |= 1 << i
		}
	}
	return m
}()
