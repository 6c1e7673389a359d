"""General word lists: outlets, networks, reporting verbs, honorifics, boilerplate phrases.

Everything here is general knowledge about entertainment news; no person,
character, show or episode is ever listed.
"""

from __future__ import annotations

# Publications, sites and programmes that words are given to: name -> (aliases, web domains).
OUTLETS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Variety": ((), ("variety.com",)),
    "Deadline": (("Deadline Hollywood",), ("deadline.com",)),
    "TVLine": (("TV Line",), ("tvline.com",)),
    "The Hollywood Reporter": (("THR", "Hollywood Reporter"), ("hollywoodreporter.com",)),
    "Us Weekly": (("Us Magazine",), ("usmagazine.com",)),
    "People": (("People magazine",), ("people.com",)),
    "Entertainment Weekly": (("EW",), ("ew.com",)),
    "E! News": (("E! Online", "E!"), ("eonline.com",)),
    "TV Insider": ((), ("tvinsider.com",)),
    "TV Guide": ((), ("tvguide.com",)),
    "Looper": ((), ("looper.com",)),
    "Nicki Swift": ((), ("nickiswift.com",)),
    "Screen Rant": (("ScreenRant",), ("screenrant.com",)),
    "Collider": ((), ("collider.com",)),
    "NBC Insider": ((), ("nbcinsider.com",)),
    "Vulture": ((), ("vulture.com",)),
    "IndieWire": ((), ("indiewire.com",)),
    "TheWrap": (("The Wrap",), ("thewrap.com",)),
    "Rolling Stone": ((), ("rollingstone.com",)),
    "Vanity Fair": ((), ("vanityfair.com",)),
    "Entertainment Tonight": (("ET", "ET Online"), ("etonline.com",)),
    "Access Hollywood": ((), ("accessonline.com",)),
    "Extra": (("Extra TV",), ("extratv.com",)),
    "TMZ": ((), ("tmz.com",)),
    "Page Six": ((), ("pagesix.com",)),
    "Parade": ((), ("parade.com",)),
    "Cosmopolitan": ((), ("cosmopolitan.com",)),
    "Glamour": ((), ("glamour.com",)),
    "Elle": ((), ("elle.com",)),
    "InStyle": ((), ("instyle.com",)),
    "Hello!": (("Hello! Magazine",), ("hellomagazine.com",)),
    "OK!": (("OK! Magazine",), ("okmagazine.com",)),
    "Digital Spy": ((), ("digitalspy.com",)),
    "Radio Times": ((), ("radiotimes.com",)),
    "The Guardian": (("Guardian",), ("theguardian.com",)),
    "The New York Times": (("New York Times", "NYT"), ("nytimes.com",)),
    "The Washington Post": (("Washington Post",), ("washingtonpost.com",)),
    "Los Angeles Times": (("LA Times", "L.A. Times"), ("latimes.com",)),
    "USA Today": ((), ("usatoday.com",)),
    "BuzzFeed": ((), ("buzzfeed.com",)),
    "Decider": ((), ("decider.com",)),
    "CinemaBlend": ((), ("cinemablend.com",)),
    "Showbiz Cheat Sheet": ((), ("cheatsheet.com",)),
    "Soap Opera Digest": ((), ("soapoperadigest.com",)),
    "Soaps.com": ((), ("soaps.com",)),
    "Entertainment Tonight Canada": ((), ()),
    "Good Morning America": (("GMA",), ()),
    "Today": (("the Today show", "Today show"), ("today.com",)),
    "The Tonight Show": ((), ()),
    "The Late Show": ((), ()),
    "Jimmy Kimmel Live": ((), ()),
    "The View": ((), ()),
    "The Kelly Clarkson Show": ((), ()),
    "Watch What Happens Live": ((), ()),
    "SiriusXM": ((), ("siriusxm.com",)),
    "Associated Press": (("AP",), ("apnews.com",)),
    "Reuters": ((), ("reuters.com",)),
    "CNN": ((), ("cnn.com",)),
    "BBC": (("BBC News",), ("bbc.co.uk", "bbc.com")),
    "Fox News": ((), ("foxnews.com",)),
    "Forbes": ((), ("forbes.com",)),
    "Time": (("TIME",), ("time.com",)),
    "Newsweek": ((), ("newsweek.com",)),
    "Insider": (("Business Insider",), ("insider.com", "businessinsider.com")),
    "Bustle": ((), ("bustle.com",)),
    "Refinery29": ((), ("refinery29.com",)),
    "Distractify": ((), ("distractify.com",)),
    "The Cinemaholic": ((), ("thecinemaholic.com",)),
    "Fansided": (("FanSided",), ("fansided.com",)),
    "Game Rant": ((), ("gamerant.com",)),
    "Comicbook.com": (("ComicBook",), ("comicbook.com",)),
    "IGN": ((), ("ign.com",)),
    "Uproxx": ((), ("uproxx.com",)),
    "AV Club": (("The A.V. Club", "A.V. Club"), ("avclub.com",)),
    "Hollywood Life": (("HollywoodLife",), ("hollywoodlife.com",)),
    "Just Jared": ((), ("justjared.com",)),
    "Daily Mail": (("DailyMail",), ("dailymail.co.uk",)),
    "The Sun": ((), ("thesun.co.uk",)),
    "Mirror": (("The Mirror",), ("mirror.co.uk",)),
    "Metro": ((), ("metro.co.uk",)),
    "Independent": (("The Independent",), ("independent.co.uk",)),
}

# Social networks and video platforms: outlets when words are posted there.
SOCIAL_NETWORKS: dict[str, tuple[str, ...]] = {
    "Instagram": ("IG", "Instagram Story", "Instagram Stories"),
    "Twitter": (),
    "X": (),
    "Facebook": (),
    "TikTok": (),
    "YouTube": (),
    "Threads": (),
    "Bluesky": (),
    "Reddit": (),
    "Snapchat": (),
    "Twitch": (),
    "Cameo": (),
}

# Broadcasters and streamers.
NETWORKS: dict[str, tuple[str, ...]] = {
    "NBC": (), "CBS": (), "ABC": (), "Fox": ("FOX",), "The CW": ("CW",), "PBS": (),
    "HBO": (), "HBO Max": (), "Max": (), "Showtime": (), "Starz": (), "AMC": (), "AMC+": (),
    "FX": (), "FXX": (), "USA Network": (), "TNT": (), "TBS": (), "Bravo": (), "E!": (),
    "Lifetime": (), "Hallmark Channel": ("Hallmark",), "Freeform": (), "Syfy": (),
    "Comedy Central": (), "Nickelodeon": (), "Disney Channel": (), "MTV": (), "VH1": (),
    "BET": (), "OWN": (), "A&E": (), "History": (), "Discovery": (), "TLC": (), "HGTV": (),
    "Food Network": (), "Paramount Network": (), "Paramount+": ("Paramount Plus",),
    "Peacock": (), "Netflix": (), "Hulu": (), "Disney+": ("Disney Plus",),
    "Prime Video": ("Amazon Prime Video", "Amazon"), "Apple TV+": ("Apple TV Plus", "Apple TV"),
    "BBC One": (), "BBC Two": (), "ITV": (), "Channel 4": (), "Sky": (), "CBC": (),
    "Crunchyroll": (), "Tubi": (), "Pluto TV": (), "Roku Channel": (), "BritBox": (), "Acorn TV": (),
}

# Unions, guilds and academies people are members of.
ORGANIZATIONS: dict[str, tuple[str, ...]] = {
    "SAG-AFTRA": ("SAG", "Screen Actors Guild"),
    "WGA": ("Writers Guild of America", "Writers Guild"),
    "DGA": ("Directors Guild of America", "Directors Guild"),
    "Television Academy": ("the Television Academy",),
    "Academy of Motion Picture Arts and Sciences": ("the Academy",),
    "Actors' Equity": ("Actors Equity",),
    "NBCUniversal": (),
    "Universal Television": (),
    "Warner Bros. Television": ("Warner Bros. TV",),
    "Warner Bros. Discovery": (),
    "Sony Pictures Television": (),
    "20th Television": (),
    "ABC Signature": (),
    "CBS Studios": (),
    "Paramount Global": (),
    "Lionsgate": (),
    "A24": (),
    "Shondaland": (),
    "Blumhouse": (),
    "Bad Robot": (),
    "Netflix Studios": (),
    "Amazon MGM Studios": ("Amazon Studios", "MGM"),
    "Creative Artists Agency": ("CAA",),
    "William Morris Endeavor": ("WME",),
    "United Talent Agency": ("UTA",),
    "Television Critics Association": ("TCA",),
    "GLAAD": (),
}

# Verbs that report speech; their complement clause is an indirect quote.
REPORTING_VERBS = frozenset({
    "say", "tell", "reveal", "explain", "admit", "announce", "confirm", "note", "add", "joke",
    "share", "point", "tease", "insist", "claim", "state", "recall", "remember", "describe",
    "write", "post", "caption", "gush", "continue", "conclude", "agree", "acknowledge",
    "argue", "suggest", "hint", "promise", "warn", "report", "mention", "declare", "assert",
    "quip", "laugh", "chuckle", "deny", "detail", "divulge", "disclose", "reflect", "muse",
    "stress", "emphasize", "maintain", "predict", "speak", "ask", "reply", "respond",
    "answer", "exclaim", "remark", "observe", "open", "dish", "spill", "tweet", "reiterate",
    "boast", "confess", "complain", "vow", "swear", "elaborate", "comment", "recount", "rave", "tout", "praise",
    "sob", "cry", "beam", "scoff", "shrug", "sigh", "whisper", "shout", "yell", "plead", "urge",
    "assure", "relay", "concede", "counter", "retort", "affirm", "allege", "testify", "caution", "lament",
    "inform", "voice",
})

# Reporting verbs that may take a "that"-clause as an indirect quote.
INDIRECT_VERBS = REPORTING_VERBS - {"ask", "speak", "laugh", "chuckle", "gush", "post", "caption",
                                    "write", "open", "dish", "spill", "reply", "respond", "answer",
                                    "exclaim", "continue", "describe", "remember",
                                    "recall", "reflect", "muse", "detail", "observe", "remark"}

# Reporting verbs whose words are posted rather than spoken: the outlet is the platform posted to.
POSTING_VERBS = frozenset({"write", "post", "share", "caption", "tweet", "comment", "pen", "upload", "retweet"})

# Reporting verbs that carry on a conversation already reported ("she added", "he continued").
CONTINUING_VERBS = frozenset({"add", "continue", "conclude", "go", "elaborate", "expand", "finish", "chime"})

# Nouns for an occasion on which words are given: "in an interview with X", "during an appearance on X".
OCCASION_NOUNS = frozenset({
    "interview", "conversation", "chat", "sit-down", "q&a", "appearance", "profile", "story", "episode",
    "segment", "podcast", "panel", "conference", "speech", "session", "junket", "feature", "discussion",
    "broadcast", "livestream", "special", "roundtable", "visit", "piece", "call", "cover",
})

# Nouns for words given to no particular outlet ("in a statement", "in a press release").
STATEMENT_NOUNS = frozenset({"statement", "release", "letter", "memo"})

# Nouns for something posted online ("in an Instagram post", "in a tweet", "in the comments").
POST_NOUNS = frozenset({"post", "tweet", "caption", "story", "stories", "video", "message", "tribute", "comment",
                        "comments", "reel", "update", "photo", "selfie", "thread", "clip", "account", "page",
                        "feed", "handle", "channel", "livestream"})

# Words that make an occasion an earlier one than the one the article reports ("in an earlier interview").
EARLIER_WORDS = frozenset({"earlier", "previous", "past", "prior", "old", "older", "separate", "another",
                           "former", "resurfaced"})

# Nouns for someone who speaks for an organisation: the organisation is the speaker.
SPOKESPERSON_NOUNS = frozenset({"spokesperson", "spokesman", "spokeswoman", "spokespeople", "representative",
                                "rep", "spokespersons", "representatives", "reps"})

# Nouns that refer back to an organisation by its kind ("the network said"), with the entity types they take.
ORGANIZATION_NOUNS: dict[str, tuple[str, ...]] = {
    "network": ("network",), "streamer": ("network",), "channel": ("network",), "broadcaster": ("network",),
    "studio": ("organization",), "company": ("organization",), "agency": ("organization",),
    "union": ("organization",), "guild": ("organization",), "organization": ("organization",),
    "organisation": ("organization",), "council": ("organization",),
    "outlet": ("outlet",), "publication": ("outlet",), "magazine": ("outlet",), "site": ("outlet",),
    "paper": ("outlet",), "newspaper": ("outlet",), "podcast": ("outlet",), "tabloid": ("outlet",),
    "website": ("outlet",), "trade": ("outlet",),
}

# Social networks a word implies without naming one ("she tweeted" was on Twitter).
IMPLIED_PLATFORMS = {"tweet": "Twitter", "retweet": "Twitter"}

# Nouns for published pieces whose words belong to the outlet that ran them ("a report from X revealed …").
REPORT_NOUNS = frozenset({"report", "reports", "story", "article", "piece", "profile", "exclusive", "scoop"})

# Nouns for people who may report speech without being named ("a source told X that …", "officials said").
PEOPLE_NOUNS = frozenset({
    "source", "sources", "official", "officials", "insider", "insiders", "friend", "friends", "person",
    "people", "member", "members", "colleague", "colleagues", "boss", "bosses", "ep", "eps", "co-creator",
    "showrunners", "creators", "producers", "stars", "actors", "man", "woman", "spokesperson", "employee",
    "employees", "viewer", "viewers", "critic", "critics", "audience", "staff", "team", "cast", "crew",
    "president", "chief", "chairman", "chairwoman", "ceo", "head", "editor", "reporter", "journalist",
    "lawyer", "attorney", "agent", "manager", "partner", "wife", "husband", "son", "daughter", "family",
    "co-host", "cohost", "hosts", "panelist", "guest", "judge", "mother", "father", "brother", "sister",
    "honcho", "bigwig", "exec", "executives", "showrunner",
})

# Nouns for someone's words, whose owner is the speaker ("Quinn's response was, “…”").
SPEECH_NOUNS = frozenset({"response", "reply", "answer", "words", "comment", "comments", "message", "remarks",
                          "explanation", "reaction", "verdict", "advice"})

# Titles that mark a fictional character in TV coverage ("Capt. Nora Vance").
CHARACTER_TITLES = frozenset({
    "det", "detective", "sgt", "sergeant", "lt", "lieutenant", "capt", "captain", "officer",
    "agent", "dr", "doctor", "nurse", "chief", "commander", "deputy", "sheriff", "inspector",
    "constable", "ofc", "cmdr", "lieut", "chef", "judge", "coach", "professor", "prof",
})

# Honorifics stripped from a name before it is compared with others.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "sir", "dame", "lady", "lord", "director"})

# Nouns that make an epithet of a person ("the Riverbend actor", "the Ohio native").
PERSON_EPITHET_NOUNS = frozenset({
    "actor", "actress", "alum", "alumna", "alumnus", "star", "native", "singer", "rapper",
    "comedian", "host", "director", "producer", "showrunner", "writer", "creator", "performer",
    "veteran", "newcomer", "mom", "dad", "father", "mother", "model", "musician", "author",
    "executive", "exec", "co-star", "costar", "lead", "favorite", "icon", "legend", "hitmaker",
})

# Lines that are page chrome, whatever page they come from (compared case-insensitively).
BOILERPLATE_LINES = frozenset({
    "already have an account?", "get back to the", "sign in", "sign up", "log in", "login",
    "create an account", "create a free account", "register", "subscribe", "subscribe now",
    "in this article", "share", "share this article", "share this story", "share on facebook",
    "share on twitter", "tweet", "email", "print", "copy link", "link copied", "advertisement",
    "story continues below advertisement", "article continues below advertisement",
    "continue reading", "read more", "show more", "show less", "load more", "see more",
    "skip to content", "skip to main content", "menu", "close", "search", "back to top",
    "comments", "leave a comment", "view comments", "listen to this article", "trending",
    "most popular", "recommended", "recommended for you", "you may also like", "more from",
    "sponsored", "sponsored content", "newsletter", "sign up for our newsletter",
    "follow us", "watch now", "play video", "click here", "accept cookies", "sign up now",
    "already a subscriber?", "not a subscriber?", "forgot password?", "or", "loading",
})

# Line openers that introduce links or chrome rather than article text.
BOILERPLATE_PREFIXES = (
    "related:", "related stories:", "related story:", "related article:", "read more:",
    "read next:", "more:", "see also:", "also read:", "recommended:", "watch:", "listen:",
    "sign up for", "subscribe to", "follow us on", "click here to", "get the latest",
    "don't miss", "photo:", "photos:", "credit:", "image credit:", "photo credit:", "source:",
    "getty images", "©", "copyright", "all rights reserved",
)

# Photo agencies and credit words that end a photo-credit line.
PHOTO_CREDIT_WORDS = frozenset({
    "getty images", "getty", "shutterstock", "ap photo", "ap", "reuters", "alamy", "imdb",
    "courtesy", "wireimage", "filmmagic", "invision", "everett collection", "mega", "backgrid",
    "splash news", "rex", "instagram", "twitter", "youtube", "tiktok",
})
