package article

// The word lists below are the knowledge of the furniture classifier, in
// English, Italian, French, German, Spanish and Dutch (plus a little
// Portuguese where it costs nothing). They are matched on lowercased word
// sequences (see cueIndex), so punctuation and case in the page do not
// matter. Site names never appear here: the rules must work on outlets we
// have not seen.

// cueStrong phrases almost never occur in article prose; one of them makes
// a short or medium line furniture on its own.
var cueStrong = []string{
	// feed footers and syndication
	"appeared first on", "is republished from", "originally appeared on", "originally published on",
	"originally published at", "this article originally appeared", "this story originally appeared",
	"republished with permission", "apparso per la prima volta su", "est apparu en premier sur",
	"erschien zuerst auf", "apareció primero en", "verscheen eerst op",
	// social prompts
	"follow me on", "follow us on", "follow us", "like us on", "join us on", "find us on",
	"seguici su", "seguiteci su", "seguimi su", "suivez nous", "suivez moi", "retrouvez nous sur",
	"folgen sie uns", "folge uns", "folgt uns", "síguenos en", "siguenos en", "síguenos", "volg ons op", "volg ons",
	"share this article", "share this story", "share this post", "share on facebook", "share on twitter",
	"condividi questo articolo", "condividi su", "partagez cet article", "partager sur", "artikel teilen",
	"comparte este artículo", "compartir en", "deel dit artikel",
	// newsletter
	"subscribe to our newsletter", "sign up for our newsletter", "sign up to our newsletter", "join our newsletter",
	"our newsletter", "our weekly newsletter", "our daily newsletter", "delivered to your inbox", "straight to your inbox",
	"iscriviti alla newsletter", "iscriviti alla nostra newsletter", "alla newsletter", "la nostra newsletter",
	"newsletter settimanale", "abonnez vous", "inscrivez vous", "notre newsletter", "à notre newsletter",
	"newsletter abonnieren", "unseren newsletter", "zum newsletter", "suscríbete", "suscribete", "nuestro boletín",
	"nuestra newsletter", "schrijf je in", "abonneer je", "onze nieuwsbrief",
	// cookies and legal
	"we use cookies", "this site uses cookies", "this website uses cookies", "uses cookies to",
	"utilizziamo i cookie", "utilizza i cookie", "utilizza cookie", "usa i cookie", "nous utilisons des cookies",
	"utilise des cookies", "wir verwenden cookies", "verwendet cookies", "utilizamos cookies", "usamos cookies",
	"utiliza cookies", "wij gebruiken cookies", "we gebruiken cookies", "gebruikt cookies",
	"all rights reserved", "tutti i diritti riservati", "riproduzione riservata", "tous droits réservés",
	"alle rechte vorbehalten", "todos los derechos reservados", "alle rechten voorbehouden",
	// support and donation appeals
	"if you like the site", "if you like our", "if you enjoyed this", "consider supporting us", "supporting us on",
	"support us on", "support our journalism", "support independent journalism", "your support helps",
	"your support makes", "your donation", "make a donation", "donate now", "become a member", "become a patron",
	"buy me a coffee", "sostienici", "sostieni il nostro", "fai una donazione", "soutenez nous",
	"faire un don", "faites un don", "unterstützen sie uns", "jetzt spenden", "apóyanos", "haz una donación",
	"steun ons", "doneer nu",
	// comments
	"leave a reply", "leave a comment", "your email address will not be published", "required fields are marked",
	"lascia un commento", "il tuo indirizzo email non sarà pubblicato", "laisser un commentaire",
	"votre adresse e mail ne sera pas publiée", "kommentar schreiben", "deja un comentario",
	"tu dirección de correo electrónico no será publicada", "laat een reactie achter",
	// commercial disclosures and adverts
	"affiliate links", "affiliate link", "may earn a commission", "may earn commissions", "we may earn",
	"sponsored content", "paid content", "contenuto sponsorizzato", "articolo sponsorizzato", "contenu sponsorisé",
	"contenido patrocinado", "gesponsorde inhoud", "story continues below", "article continues below",
	"continue reading below", "scroll to continue", "skip to main content", "skip to content",
}

// cueMedium words are typical of furniture but also appear in news
// (a story about a newsletter, a leak "posted on Telegram").
var cueMedium = []string{
	"newsletter", "newsletters", "nieuwsbrief", "iscriviti", "abonnieren", "subscribe", "subscribers",
	"unsubscribe", "podcast", "podcasts", "webinar", "donation", "donations", "donate", "donazione",
	"spenden", "patreon", "paywall", "paywalls", "sponsored", "sponsorizzato", "gesponsert", "patrocinado",
	"contattaci", "contact us", "contactez nous", "kontaktieren sie uns", "contáctanos", "neem contact op",
	"academy", "free trial", "anteprima gratuita", "gratuitamente", "kostenlos", "gratis", "gratuit", "gratuita",
	"gratuito", "commissions", "advertisement", "advertising", "pubblicità", "publicité", "anzeige",
	"publicidad", "advertentie", "cookie policy", "privacy policy", "informativa sulla privacy",
	"politique de confidentialité", "datenschutzerklärung", "política de privacidad", "privacybeleid",
	"sign up", "log in", "sign in", "accedi", "registrati", "regístrate", "inloggen",
}

// cueWeak words lean towards furniture only in numbers: social network
// names, shop and course vocabulary, imperative calls to action.
var cueWeak = []string{
	"whatsapp", "anmelden", "facebook", "twitter", "linkedin", "instagram", "youtube", "tiktok", "telegram", "rss", "mastodon",
	"cookie", "cookies", "corso", "corsi", "course", "courses", "cours", "kurs", "curso", "cursus",
	"training", "formazione", "formation", "ausbildung", "formación", "opleiding", "certificazione",
	"certification", "competenze", "skills", "compétences", "kompetenzen", "habilidades", "vaardigheden",
	"offerta", "offer", "offre", "angebot", "oferta", "aanbieding", "sconto", "discount", "rabatt", "descuento",
	"korting", "coupon", "acquista", "acquisto", "buy now", "shop", "achetez", "kaufen", "compra", "koop",
	"scopri", "diventa", "guarda", "scarica", "investi", "approfitta", "non perdere", "scrivi a",
	"discover", "learn more", "download", "register", "join", "don't miss", "découvrez", "téléchargez",
	"rejoignez", "profitez", "ne manquez", "entdecken", "jetzt", "registrieren", "sichern sie",
	"descubre", "descarga", "únete", "aprovecha", "no te pierdas", "ontdek", "registreer", "mis niet",
	"click", "clicca", "cliquez", "klicken", "haz clic", "klik",
	"comments", "commenti", "commentaires", "kommentare", "comentarios", "reacties",
}

// cueReader words address the reader ("you", "your"). Adverts and
// prompts are written in the second person; reporting rarely is, so they
// only tip lines that are already suspicious.
var cueReader = []string{
	"you", "your", "you're", "yours", "ti", "tuo", "tua", "tuoi", "tue", "vuoi", "puoi", "te",
	"vous", "votre", "vos", "dein", "deine", "deinen", "tu", "tus", "usted", "jouw", "jij", "uw",
}

// navLines are whole lines that are navigation or widget labels.
var navLines = []string{
	"skip to main content", "skip to content", "skip to main", "jump to content", "web analytics",
	"share", "share close", "share this", "share this article", "tweet", "print", "email", "e mail",
	"search", "cerca", "rechercher", "recherche", "suche", "suchen", "buscar", "zoeken", "pesquisar",
	"menu", "main menu", "home", "homepage", "close", "login", "log in", "sign in", "sign up", "subscribe",
	"register", "advertisement", "advertising", "sponsored", "ad", "ads", "pubblicità", "publicité", "anzeige",
	"werbung", "publicidad", "advertentie", "original source", "source link", "back to top", "torna su",
	"retour en haut", "nach oben", "volver arriba", "terug naar boven", "more", "see more", "show more",
	"load more", "next", "previous", "next article", "previous article", "next post", "previous post",
	"articolo successivo", "articolo precedente", "article suivant", "article précédent", "nächster artikel",
	"vorheriger artikel", "siguiente artículo", "artículo anterior", "volgend artikel", "vorig artikel",
	"accept", "accept all", "reject all", "accept cookies", "accetta", "accetta tutto", "rifiuta", "accepter",
	"tout accepter", "refuser", "akzeptieren", "alle akzeptieren", "ablehnen", "aceptar", "aceptar todo",
	"rechazar", "accepteren", "alles accepteren", "weigeren", "cookie settings", "manage cookies",
	"privacy policy", "cookie policy", "terms of use", "terms of service", "privacy", "contact", "contact us",
	"about us", "chi siamo", "contatti", "qui sommes nous", "über uns", "quiénes somos", "over ons",
	"follow us", "seguici", "suivez nous", "folgen sie uns", "síguenos", "volg ons", "newsletter", "podcast",
	"condividi", "partager", "teilen", "compartir", "delen", "tags", "tag", "categories", "category",
	"written by", "scritto da", "écrit par", "geschrieben von", "escrito por", "geschreven door",
	"photo gallery", "gallery", "video", "watch", "listen", "ascolta", "écouter", "anhören", "escuchar",
	"subscribe now", "sign up now", "join now", "about the author", "sull autore", "l autore",
	"à propos de l auteur", "über den autor", "sobre el autor", "over de auteur", "author", "autore",
	"auteur", "autor", "the author",
}

// readMoreLines end a teaser box: "Read more" as a button under an
// inserted headline and summary.
var readMoreLines = []string{
	"read more", "read more »", "read the full story", "read full article", "read the full article",
	"continue reading", "keep reading", "leggi tutto", "leggi di più", "continua a leggere", "lire la suite",
	"lire plus", "en savoir plus", "weiterlesen", "mehr lesen", "leer más", "seguir leyendo", "lees verder",
	"lees meer", "leia mais", "click here", "clicca qui", "cliquez ici", "hier klicken", "haz clic aquí",
	"klik hier",
}

// relatedHeadings introduce lists of other articles (or the comment
// area). What follows them is usually all furniture (see cutRelated).
var relatedHeadings = []string{
	"related", "related articles", "related article", "related posts", "related stories", "related news",
	"related content", "related reading", "related coverage", "related topics", "you may also like",
	"you might also like", "you may be interested in", "recommended", "recommended for you",
	"recommended articles", "recommended stories", "more from", "more stories", "more news",
	"more articles", "latest news", "latest articles", "latest stories", "latest posts", "most popular",
	"most read", "popular posts", "popular articles", "trending", "trending now", "recent posts",
	"recent articles", "top stories", "also read", "see also", "further reading", "more on this topic",
	"in other news", "don't miss", "editor's picks", "reader comments", "comments", "leave a reply",
	"leave a comment", "join the conversation",
	"articoli correlati", "articoli in evidenza", "lista degli articoli", "potrebbe interessarti",
	"ti potrebbe interessare", "potrebbero interessarti", "altri articoli", "ultime notizie", "leggi anche",
	"ultimi articoli", "articoli recenti", "i più letti", "più letti", "da non perdere", "notizie correlate",
	"lascia un commento", "commenti",
	"à lire aussi", "a lire aussi", "lire aussi", "à lire également", "sur le même sujet", "articles similaires",
	"articles liés", "articles connexes", "dans la même rubrique", "les plus lus", "derniers articles",
	"voir aussi", "laisser un commentaire", "commentaires",
	"lesen sie auch", "auch interessant", "mehr zum thema", "das könnte sie auch interessieren",
	"weitere artikel", "ähnliche artikel", "verwandte artikel", "meistgelesen", "neueste artikel",
	"das könnte sie interessieren", "kommentare", "mehr aus dem ressort",
	"lee también", "lea también", "te puede interesar", "también te puede interesar", "noticias relacionadas",
	"artículos relacionados", "más noticias", "lo más leído", "últimas noticias", "te recomendamos",
	"deja un comentario", "comentarios",
	"lees ook", "gerelateerde artikelen", "meer nieuws", "ook interessant", "meest gelezen", "laatste nieuws",
	"gerelateerd", "reacties", "leia também", "notícias relacionadas",
}

// inlineRelatedPrefixes start a single-line link to another article
// inside the body ("Read more: <title or URL>"). Multi-word prefixes
// need no colon after them; single words do ("Read: <title>").
var inlineRelatedPrefixes = []string{
	"read more", "read also", "also read", "see also", "related", "related article", "related story",
	"recommended", "must read", "read", "watch", "listen",
	"leggi anche", "leggi", "potrebbe interessarti", "vedi anche",
	"à lire aussi", "a lire aussi", "lire aussi", "à lire également", "voir aussi", "lire",
	"lesen sie auch", "lesen sie", "auch interessant", "mehr dazu", "mehr zum thema",
	"lee también", "lea también", "te puede interesar", "ver también", "leer",
	"lees ook", "zie ook", "lees", "leia também",
}

// sourcePrefixes label a source line; the line is furniture only when
// the label is followed by nothing but a URL (a credit such as
// "Source: FBI" is caption text and stays).
var sourcePrefixes = []string{
	"source", "original source", "via", "fonte", "source originale", "quelle", "fuente", "bron", "link",
	"read more", "read more at", "more at", "full story", "leggi", "lire", "weiterlesen", "leer más", "lees meer",
}

// bylinePrefixes introduce an author name.
var bylinePrefixes = []string{
	"by", "di", "da", "a cura di", "par", "von", "por", "door", "written by", "scritto da", "écrit par",
	"geschrieben von", "escrito por", "geschreven door", "autore", "auteur", "autor", "author",
}
