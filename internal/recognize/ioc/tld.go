package ioc

import "strings"

// tldList is the set of top-level domains a plain-text domain must end in.
// Without such a list every "word.word" in prose ("said.The", "Node.js")
// would be a domain. It holds every delegated country-code TLD, the legacy
// generic TLDs, the new gTLDs that are popular or commonly abused by
// malware and phishing operators, and "onion" (not in the DNS root, but
// Tor hidden services are everyday indicators). Brand TLDs (.apple,
// .microsoft, ...) are left out on purpose: in news text "difference.Apple"
// is far likelier to be two sentences glued together than a domain.
//
// Keep it one TLD per space-separated word, lower case, sorted by group.
const tldList = `
ac ad ae af ag ai al am ao aq ar as at au aw ax az
ba bb bd be bf bg bh bi bj bm bn bo br bs bt bv bw by bz
ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz
de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo fr
ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy
hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp
ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly
ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz
na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py
qa re ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st su sv sx sy sz
tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz
va vc ve vg vi vn vu wf ws ye yt za zm zw

com net org edu gov mil int arpa info biz name pro aero asia cat coop jobs mobi museum tel travel post xxx

app dev page xyz top club online site store shop tech space website live life world today news
email cloud host press link click help digital network systems solutions services support
agency company center zone ltd global media group blog icu buzz vip work win bid loan gdn cyou
rest fun best ink one cab zip mov bond sbs cfd lol quest monster autos beauty hair skin makeup
boats homes mom pics uno surf fit stream download review racing date faith party science cricket
accountant trade webcam men kim tokyo moe xin ren love plus run tools games social chat team
technology software academy institute university school education events marketing consulting
finance financial capital money cash credit bank insure insurance exchange market markets trading
investments fund claims tax legal law lawyer health care clinic doctor dental hospital pharmacy
photo photos pictures video movie film music audio radio game casino bet poker sex porn adult
dating gift gifts shopping sale deals discount coupons promo express direct delivery energy solar
city town land estate house properties realty rentals apartments tours holiday vacations cruises
flights hotel restaurant cafe pizza bar pub beer wine coffee kitchen recipes farm garden design
art studio gallery style fashion clothing shoes watch jewelry diamonds luxury cool guru ninja
rocks wtf fyi free wiki tips guide expert reviews community foundation charity
gives ngo ong church family kids baby pet dog vet fitness yoga bike golf football
soccer tennis hockey rugby fan fans bio eco green earth place red blue pink black gold
trust security protection safe secure domains hosting computer codes
limited inc llc gmbh srl sarl lat africa berlin london paris nyc moscow amsterdam
barcelona madrid wien swiss bayern quebec scot wales cymru irish eus gal krd vegas miami boston
onl mba phd cam wang lgbt country directory enterprises industries
international management partners ventures holdings
onion
`

// tlds is tldList as a set, built once at start-up.
var tlds = func() map[string]struct{} {
	m := make(map[string]struct{}, 600)
	for _, f := range strings.Fields(tldList) {
		m[f] = struct{}{}
	}
	return m
}()

// extensionTLDs are TLDs that are also common file extensions ("readme.md",
// "install.sh", "libc.so"). A plain-text match ending in one of them is
// taken for a file name; it is kept only when defanged, inside a URL or an
// e-mail address, or (when the value is true) when it has three or more
// labels, which file names almost never have. (.cat is Windows' security
// catalog file as well as Catalonia's TLD.) .zip, .mov and .one never get
// that relief: "invoice.pdf.zip" and "document.pdf.one" are classic lures.
var extensionTLDs = map[string]bool{
	"zip": false, "mov": false, "one": false, "cab": false,
	"md": true, "sh": true, "py": true, "rs": true, "so": true, "ps": true,
	"pm": true, "tf": true, "mk": true, "gs": true, "app": true, "cat": true,
}

// notDomains are dotted names from software, not from the DNS, that an
// article may write exactly like a domain ("ASP.NET").
var notDomains = map[string]struct{}{
	"asp.net": {}, "vb.net": {}, "ado.net": {},
}

// isTLD reports whether s (any case) is a known top-level domain.
func isTLD(s string) bool {
	if len(s) < 2 || len(s) > 24 {
		return false
	}
	var buf [24]byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z':
		default:
			return false
		}
		buf[i] = c
	}
	_, ok := tlds[string(buf[:len(s)])]
	return ok
}
