"""General word lists: outlets, networks, reporting verbs, honorifics, boilerplate phrases.

Everything here is general knowledge about entertainment news; no person,
character, show or episode is ever listed.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

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

# Names on the lists above that are also common English words: they name an outlet or network only
# when a cue says so ("told People", "the Fox drama").
AMBIGUOUS_NAMES = frozenset({
    "People", "Time", "Today", "Extra", "Max", "X", "History", "Discovery", "Metro", "Insider", "Mirror",
    "Glamour", "Elle", "Deadline", "Threads", "Sky", "Fox", "OWN", "ET", "EW", "AP", "Parade", "Decider",
    "Looper", "Collider", "Vulture", "Independent", "The View", "Today show", "IG", "SAG", "E!", "GMA", "Amazon",
    "Apple TV", "Hallmark", "TIME", "Cameo", "Twitch", "Bustle", "Extra TV", "The Sun", "Guardian", "CW",
    "NOW", "Dave", "Alibi", "Global", "City", "Crave", "Showcase", "Stan", "Binge", "Ovation", "Oxygen",
    "Shudder", "Gold", "Nine", "Seven",
})

# Capitalized words that never start or continue a name: calendar words, the pronoun I, and the words
# that number a show's parts ("Season 3", "Episode 4") in headlines.
CALENDAR_WORDS = frozenset({
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})
NOT_NAME_WORDS = CALENDAR_WORDS | frozenset({"i", "i'm", "i've", "i'd",
    "i'll", "season", "seasons", "episode", "episodes", "part", "chapter", "volume", "vol", "ep",
    "warning", "spoilers", "spoiler", "update", "editor's", "note", "photo", "photos", "video", "watch", "read",
    "oh", "ok", "okay", "yes", "no", "hey", "wow", "please", "thanks", "thank", "dear", "yeah", "yup", "nope",
    "absolutely", "listen", "look", "sure", "well", "so", "now", "then",
})
# Capitalized abbreviations of everyday words ("TV", "PM") that name nothing on their own.
GENERIC_ABBREVIATIONS = frozenset({"TV", "PM", "AM", "ET", "PT", "CT", "EST", "PST", "EDT", "PDT", "BST", "GMT", "CEO",
                                   "DVD", "COVID", "COVID-19", "Covid", "Covid-19", "LGBTQ", "LGBTQ+", "OK", "FAQ",
                                   "Q&A", "RIP", "R.I.P.", "VIP", "DM", "DMs", "PR", "MVP"})

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
    "BBC One": ("BBC1",), "BBC Two": ("BBC2",), "ITV": (), "Channel 4": (), "Sky": (), "CBC": (),
    "Crunchyroll": (), "Tubi": (), "Pluto TV": (), "Roku Channel": (), "BritBox": (), "Acorn TV": (),
    "BBC Three": (), "BBC Four": (), "BBC iPlayer": ("iPlayer",), "ITV1": (), "ITV2": (), "ITVX": (),
    "Channel 5": ("Channel Five",), "E4": (), "More4": (), "Sky Atlantic": (), "Sky One": (), "Sky Max": (),
    "NOW": (), "UKTV": (), "Dave": (), "Alibi": (), "S4C": (), "RTÉ": ("RTE",), "RTÉ One": ("RTE One",),
    "RTÉ2": ("RTE2",), "Virgin Media One": (), "TG4": (), "Channel 4's E4": (), "All 4": ("All4",),
    "CTV": (), "Global": (), "Citytv": ("City",), "CBC Gem": (), "Crave": (), "Showcase": (),
    "Seven Network": ("Channel 7", "Channel Seven", "7plus"), "Nine Network": ("Channel 9", "Channel Nine", "9Now"),
    "Network 10": ("Channel 10", "Channel Ten", "10 Play"), "SBS": (), "Stan": (), "Foxtel": (), "Binge": (),
    "ABC iview": (), "TVNZ": (), "Showmax": (), "Hotstar": (), "Crime + Investigation": (), "BET+": (),
    "Starz Encore": (), "Epix": (), "MGM+": (), "Sundance TV": ("SundanceTV",), "IFC": (), "Ovation": (),
    "Oxygen": (), "WE tv": (), "Telemundo": (), "Univision": (), "ESPN": (), "CNBC": (), "MSNBC": (),
    "National Geographic": ("Nat Geo",), "Adult Swim": (), "Cartoon Network": (), "Disney Junior": (),
    "The WB": (), "UPN": (), "Shudder": (), "Vudu": (), "Fubo": (), "YouTube TV": (), "Quibi": (),
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
    "Lucasfilm": (),
    "Pixar": ("Pixar Animation Studios",),
    "DreamWorks Animation": ("DreamWorks",),
    "Marvel Studios": (),
    "Emmy Awards": ("Emmys", "Emmy", "Primetime Emmy Awards", "Daytime Emmy Awards", "Daytime Emmys"),
    "Golden Globe Awards": ("Golden Globes",),
    "BAFTA": ("BAFTAs", "British Academy of Film and Television Arts"),
    "Critics Choice Awards": ("Critics' Choice Awards",),
    "Canadian Screen Awards": (),
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

# Verbs that introduce quoted words they do not report ("describing it as, “…”", "calling it “…”").
DESCRIBING_VERBS = frozenset({"describe", "call", "dub", "label", "term"})

# Last words of an event's name: words spoken there were given to the event ("at the Banff TV Festival").
EVENT_WORDS = frozenset({"festival", "awards", "con", "comic-con", "summit", "convention", "expo", "fest", "gala",
                         "upfronts", "upfront", "panel", "conference", "ceremony", "forum", "showcase"})

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
    "ds", "di", "dci", "dsi", "dc", "pc", "superintendent", "supt", "insp", "maj", "major", "col", "colonel",
    "gen", "general", "adm", "admiral", "cpl", "corporal", "pvt", "private", "ada",
})
# Abbreviated ranks and honorifics the tokenizer must keep whole ("Det." is no sentence end).
TITLE_ABBREVIATIONS = ("Det.", "Sgt.", "Lt.", "Capt.", "Cmdr.", "Insp.", "Supt.", "Maj.", "Col.", "Gen.", "Adm.",
                       "Cpl.", "Pvt.", "Ofc.", "Lieut.", "Prof.", "Dr.", "Mr.", "Mrs.", "Ms.", "Mx.")

# Honorifics stripped from a name before it is compared with others.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "sir", "dame", "lady", "lord", "director"})

# Nouns that make an epithet of a person ("the Riverbend actor", "the Ohio native").
PERSON_EPITHET_NOUNS = frozenset({
    "actor", "actress", "alum", "alumna", "alumnus", "star", "native", "singer", "rapper",
    "comedian", "host", "director", "producer", "showrunner", "writer", "creator", "performer",
    "veteran", "newcomer", "mom", "dad", "father", "mother", "model", "musician", "author",
    "executive", "exec", "co-star", "costar", "lead", "favorite", "icon", "legend", "hitmaker",
})

# The possessive "'s" however it is typed, as the tokenizer splits it off.
POSSESSIVE_MARKS = frozenset({"'s", "’s", "‘s"})

# Verbs of playing a role ("plays Nora Vance"), in every form the text uses.
ROLE_VERBS = frozenset({"play", "plays", "played", "playing", "portray", "portrays", "portrayed", "portraying",
                        "voice", "voices", "voiced", "voicing"})
# Verbs of a show reaching its audience, as lemmas.
AIRING_LEMMAS = frozenset({"air", "premiere", "debut", "stream", "broadcast", "launch"})
AIRING_WORDS = frozenset({"air", "airs", "aired", "airing", "premiere", "premieres", "premiered", "premiering",
                          "debut", "debuts", "debuted", "debuting", "stream", "streams", "streamed", "streaming",
                          "broadcast", "broadcasts", "launches", "launched"})
# Verbs of joining or leaving a cast.
JOIN_LEAVE_WORDS = frozenset({"joined", "joins", "joining", "join", "left", "leaves", "leaving", "leave",
                              "exited", "exits", "exiting", "exit", "departed", "departs", "departing", "quit",
                              "quits", "quitting", "rejoined", "rejoins", "rejoining", "rejoin", "depart"})
# Nouns that name a series ("the Netflix series X", "the medical drama X").
SHOW_NOUNS = frozenset({"series", "show", "sitcom", "drama", "procedural", "soap", "spinoff", "spin-off",
                        "comedy", "dramedy", "thriller", "docuseries", "reboot", "revival", "anthology",
                        "prequel", "serial", "telenovela", "soap opera", "cartoon", "sci-fi", "saga"})
# Nouns by which an article refers back to the show it is about ("the series", "the CBS drama"), and the
# words that may stand between "the" and them without making it another show ("the new series" is not).
SHOW_EPITHET_NOUNS = ("drama", "series", "show", "comedy", "sitcom", "procedural", "thriller", "soap", "spinoff",
                      "spin-off", "dramedy", "soap opera")
SHOW_EPITHET_ADJECTIVES = frozenset({
    "hit", "long-running", "police", "medical", "legal", "firefighter", "crime", "fantasy", "tv", "television",
    "beloved", "acclaimed", "popular", "comedy", "teen", "family", "period", "sci-fi", "horror", "reality",
    "animated", "daytime", "primetime", "network", "cable", "streaming", "award-winning", "emmy-winning", "zombie",
    "superhero", "prestige", "workplace", "political", "historical", "spy", "mystery", "hospital", "cop", "war",
})
# Nouns that name another kind of work ("the film X").
WORK_NOUNS = frozenset({"film", "movie", "novel", "book", "album", "song", "play", "musical", "documentary",
                        "video", "game", "memoir", "biopic", "comic", "feature", "miniseries", "short",
                        "single", "record", "blockbuster", "flick", "sequel", "trilogy"})
# Nouns that belong to a show ("the Harbor City Fire cast", "season 3 of Harbor City Fire").
SHOW_PART_NOUNS = frozenset({"cast", "star", "stars", "co-star", "co-stars", "costar", "costars", "finale",
                             "premiere", "episode", "episodes", "season", "seasons", "set", "fans", "writers",
                             "creator", "creators", "showrunner", "showrunners", "producers", "revival", "reboot",
                             "spinoff", "spin-off", "family", "alum", "alums", "alumni", "alumna",
                             "characters", "storyline", "storylines", "viewers", "fandom", "pilot", "debut",
                             "run", "castmates", "cast members", "regular", "regulars", "plot",
                             "trailer", "renewal", "cancellation", "ending", "version", "theme", "crew",
                             "audience", "ratings"})
# Job words before a person's name ("actress Mara Quinn", "showrunner Gil Hartman").
OCCUPATIONS = frozenset({
    "actor", "actress", "star", "co-star", "costar", "creator", "co-creator", "showrunner", "co-showrunner",
    "director", "producer", "writer", "host", "co-host", "comedian", "singer", "rapper", "executive",
    "newcomer", "veteran", "alum", "alumna", "alumnus", "journalist", "reporter", "critic", "president", "ceo",
    "chairman", "chairwoman", "chair", "boss", "author", "model", "musician", "playwright", "filmmaker",
    "screenwriter", "spokesperson", "spokesman", "spokeswoman", "anchor", "presenter", "castmate", "castmates",
    "co-stars", "costars", "stars", "actors", "actresses", "husband", "wife", "partner", "girlfriend",
    "boyfriend", "fiancé", "fiancée", "daughter", "son", "mother", "father", "brother", "sister", "mom", "dad",
    "friend", "pal", "colleague", "legend", "icon", "personality", "influencer", "entertainer", "performer",
    "dancer", "choreographer", "composer", "novelist", "editor", "founder", "manager", "agent", "publicist",
    "coach", "judge", "contestant", "winner", "nominee",
})
# Last words of organisation names ("Blue Harbor Studios", "Screen Actors Guild").
ORG_SUFFIXES = frozenset({"studios", "studio", "productions", "entertainment", "pictures", "inc", "llc", "agency",
                          "guild", "union", "association", "academy", "foundation", "university", "television",
                          "media", "group", "network", "records", "films", "company", "corp", "corporation", "ltd",
                          "council", "department", "institute", "society", "committee", "commission", "awards",
                          "festival", "fest", "con", "hospital", "police", "army", "navy", "college", "school",
                          "club", "league", "party", "church", "center", "centre", "bureau", "team",
                          "precinct", "organization", "organisation", "trust", "fund", "bank", "ministry"})
# Last words of place names ("Ramsay Street", "Kansas City").
PLACE_SUFFIXES = frozenset({"street", "city", "county", "square", "island", "islands", "state", "town", "village",
                            "valley", "beach", "park", "avenue", "road", "lane", "bay", "mountains", "river",
                            "lake", "heights", "hills", "springs", "falls", "province", "kingdom", "republic"})

# Verbs whose subject or object is a real person at work ("Quinn joined the cast", "thanked Reyes"), and verbs
# of a story's events, whose people are characters ("Vance kills the arsonist"); lemmas, for typing names.
CAREER_LEMMAS = frozenset({
    "star", "join", "leave", "exit", "quit", "depart", "film", "shoot", "direct", "produce", "write", "create",
    "cast", "audition", "sign", "thank", "post", "share", "celebrate", "announce", "interview", "appear", "guest",
    "host", "win", "nominate", "praise", "play", "portray", "voice", "tweet", "retire", "debut", "tap", "hire",
    "replace", "recast", "team", "reunite", "pen", "helm", "attend", "present", "accept", "honor", "tell", "say",
    "reveal", "explain", "admit", "confirm", "add", "note", "tease", "speak", "open", "recall", "insist",
})
STORY_LEMMAS = frozenset({
    "die", "kill", "murder", "kiss", "discover", "learn", "confront", "fight", "escape", "save", "rescue",
    "betray", "kidnap", "arrest", "find", "fall", "realize", "decide", "help", "meet", "love", "hate", "attack",
    "survive", "lose", "face", "chase", "shoot", "stab", "poison", "trap", "hunt", "investigate", "solve",
    "marry", "divorce", "sleep", "cheat", "lie", "steal", "hide", "bury", "resurrect", "sacrifice", "propose",
    "flee", "wake", "awaken", "crash", "bite", "infect", "turn", "reveal",
})

# Lines that are page chrome, whatever page they come from (compared case-insensitively).
BOILERPLATE_LINES = frozenset({
    "already have an account?", "sign in", "sign up", "log in", "login",
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
    "add a comment", "view all comments", "load more comments", "show caption", "hide caption",
    "toggle caption", "enlarge this image", "enlarge image", "view gallery", "open gallery", "view photos",
    "scroll to continue with content", "scroll down for video", "close video", "replay video",
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

# Last words of the company names that credit a photo on a line of their own ("Blue Harbor Studios").
CREDIT_NAME_SUFFIXES = frozenset({"studios", "pictures", "entertainment", "television", "productions", "films",
                                  "network", "photography", "images", "archive", "archives", "collection"})

# Photo agencies whose name in a short line that is no sentence makes it a photo credit, wherever it stands.
PHOTO_AGENCIES = ("getty images", "shutterstock", "wireimage", "filmmagic", "everett collection", "backgrid",
                  "splash news", "alamy", "ap photo", "photo bank", "photo archive")

# Verbs that put a show, season or episode on screen, by lemma with their inflected forms. A present-tense
# form with a date schedules it ("premieres on October 7"); "hit screens" is the phrase form.
AIRING_VERBS: dict[str, tuple[str, ...]] = {
    "air": ("air", "airs", "aired", "airing"),
    "premiere": ("premiere", "premieres", "premiered", "premiering"),
    "debut": ("debut", "debuts", "debuted", "debuting"),
    "broadcast": ("broadcast", "broadcasts", "broadcasted", "broadcasting"),
    "stream": ("stream", "streams", "streamed", "streaming"),
    "launch": ("launch", "launches", "launched", "launching"),
    "resume": ("resume", "resumes", "resumed", "resuming"),
    "return": ("return", "returns", "returned", "returning"),
    "drop": ("drop", "drops", "dropped", "dropping"),
    "hit": ("hit screens", "hits screens", "hitting screens"),
}
AIRING_FORMS = frozenset(form for forms in AIRING_VERBS.values() for form in forms)

# Words before a date that put it after the article: the future tense and schedules.
FUTURE_MARKERS = ("will", "won't", "won’t", "'ll", "’ll", "shall", "is set to", "are set to", "set to", "slated",
                  "scheduled", "upcoming", "is expected to", "are expected to", "plans to", "plan to",
                  "is going to", "are going to", "next", "due to")
# Verbs (lemmas and forms: lemmatizers miss some) whose passive or "to" form schedules what follows
# ("is slated for Aug. 12", "is set to air").
SCHEDULE_VERBS = frozenset({"set", "slate", "slated", "schedule", "scheduled", "expect", "expected", "plan", "planned",
                            "due", "tap", "tapped", "eye", "eyed"})

# Nouns for happenings: a year that modifies one ("his 2022 exit", "the 2017 awards") dates an event;
# a year before any other noun ("the 2025 episodes", "2011's film") does not.
HAPPENING_NOUNS = frozenset({
    "exit", "departure", "debut", "premiere", "finale", "return", "comeback", "revival", "reboot", "launch",
    "release", "wedding", "marriage", "divorce", "engagement", "death", "funeral", "memorial", "birth",
    "awards", "award", "ceremony", "gala", "festival", "convention", "comic-con", "panel", "upfronts",
    "emmys", "oscars", "globes", "baftas", "campaign", "strike", "tour", "interview", "announcement",
    "cancellation", "renewal", "arrest", "lawsuit", "scandal", "retirement",
})

# Number words in "two years later", "three weeks ago".
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 0, "few": 0, "couple": 2,
}

# Words that make an amount of time vague ("less than two weeks ago"): such a span dates nothing.
VAGUE_AMOUNT_WORDS = frozenset({"less", "more", "over", "under", "nearly", "almost", "about", "around", "some",
                                "roughly", "approximately", "just", "barely", "than", "few", "several"})

# Lines that carry a page's own date ("Published on March 29, 2023", "Updated: 10:57 15 May 2020").
DATELINE_LABELS: dict[str, str] = {
    "published": "published", "first published": "published", "originally published": "published",
    "posted": "published", "date": "published",
    "released": "published", "updated": "updated", "last updated": "updated", "modified": "updated",
    "last modified": "updated", "edited": "updated",
}

# Event types by the words that signal them (regular expressions, any case), checked in order: first in the
# clause of the date, then near it, then in the whole sentence. "{airing}" stands for the airing verbs above.
EVENT_TRIGGERS: tuple[tuple[str, str], ...] = (
    ("death", r"\b(?:died|dies|passed away|death|dead at \d+)\b"),
    ("birth", r"\bborn\b"),
    ("exit_announced", r"\b(?:announc|confirm|reveal)\w*\b.*\b(?:leav|exit|depart|quit|walk\w* away|bow\w* out)"),
    ("written_off", r"\bwritten off\b|\bwrite\w* (?:him|her|them) off\b|\bkilled off\b"),
    ("exit", r"\b(?:leav(?:e|es|ing)|left|exit\w*|depart\w*|walk\w* away|farewell|goodbye|quit\w*|bow\w* out|"
             r"step\w* (?:away|down))\b"),
    ("cancelled", r"\bcancel\w*|\baxed\b|\bended\b"),
    ("renewed", r"\brenew\w*|\bpicked up\b|\brevived\b|\brescued\b"),
    ("directing", r"\bdirect(?:s|ed|ing|or|orial)?\b"),
    ("filming", r"\b(?:filming|filmed|shooting|production|wrapped (?:production|filming|shooting))\b"),
    ("return", r"\b(?:return\w*|comeback|back to)\b"),
    ("episode_aired", r"\b(?:{airing}|finale|episode|closed out|wrap\w*(?: up)? (?:its|the|their) [\w-]+ season)\b"),
    ("union_action", r"\b(?:picket\w*|strike\w*|union|SAG-AFTRA|WGA|solidarity)\b"),
    ("social_post", r"\b(?:Instagram|Twitter|TikTok|Facebook|social media|post(?:ed|s)?|caption\w*|tweet\w*|tribute|"
                    r"selfie|photos?)\b"),
    ("interview_published", r"\b(?:interview\w*|told|spoke|speaking|cover story|podcast|published|sat down|chatted|"
                            r"report\w*|appear\w*|statement)\b"),
    ("joined_show", r"\b(?:join\w*|cast as|cast in|signed on|boarded|promoted)\b"),
    ("award", r"\b(?:award\w*|trophy|won|nominat\w*|Emmys?)\b"),
    ("married", r"\b(?:married|wedding|wed)\b"),
)

# Services that stream rather than broadcast (names on NETWORKS): a show often streams on one while it airs
# on a broadcaster, so two networks for one show where one streams are seldom a disagreement.
STREAMERS = frozenset({
    "HBO Max", "Max", "AMC+", "Paramount+", "Peacock", "Netflix", "Hulu", "Disney+", "Prime Video", "Apple TV+",
    "Crunchyroll", "Tubi", "Pluto TV", "Roku Channel", "BritBox", "Acorn TV", "BBC iPlayer", "ITVX", "NOW",
    "All 4", "CBC Gem", "Crave", "Stan", "Binge", "ABC iview", "Showmax", "Hotstar", "BET+", "MGM+", "Shudder",
    "Vudu", "Fubo", "YouTube TV", "Quibi",
})

# Words that tell a role changed hands, said of the actor who takes it ("takes over the role", "replaces", "was
# recast"; "the new <character>" is read beside these with the character's names) — in the passive ("replaced
# by") they are said of the actor who gave it up.
RECAST_PHRASES = (
    "replace", "replaces", "replaced", "replacing", "replacement", "take over", "takes over", "took over",
    "taking over", "taken over", "step into", "steps into", "stepped into", "stepping into", "recast", "recasts",
    "recasting", "recasted", "succeeds", "succeeded", "succeeding", "successor", "fill the shoes",
    "fills the shoes", "filling the shoes", "new face of", "handed the role",
)
# Words that tell a role changed hands, said of the actor who had it first ("originated the role").
PREDECESSOR_PHRASES = (
    "originated the role", "originated the part", "originally played", "originally portrayed", "previously played",
    "previously portrayed", "formerly played", "formerly portrayed", "first played", "vacated the role",
)
# Words that tell a show changed networks ("moved to", "picked up by", "after being cancelled").
NETWORK_MOVE_PHRASES = (
    "move to", "moves to", "moved to", "moving to", "jump to", "jumps to", "jumped to", "jumping to", "heads to",
    "headed to", "heading to", "shift to", "shifts to", "shifted to", "switch to", "switches to", "switched to",
    "migrate to", "migrates to", "migrated to", "picked up by", "picked up at", "picks up", "picked it up",
    "saved by", "rescued by", "revived by", "new home", "found a home", "lands at", "landed at", "landing at",
    "after being cancelled", "after being canceled", "after its cancellation", "cancelled by", "canceled by",
    "cancelled at", "canceled at", "axed by", "dropped by", "originally aired on", "previously aired on",
    "formerly aired on", "originally on", "formerly on",
)


# Family nouns: "the daughter of X", "his brother X".
FAMILY_NOUNS = ("brother", "sister", "father", "mother", "son", "daughter", "cousin", "uncle", "aunt", "niece",
                "nephew", "grandfather", "grandmother", "grandson", "granddaughter", "stepfather", "stepmother",
                "stepson", "stepdaughter", "half-brother", "half-sister", "twin", "dad", "mom", "sibling",
                "brother-in-law", "sister-in-law", "father-in-law", "mother-in-law", "children", "kids", "sons",
                "daughters", "brothers", "sisters", "siblings", "parents", "grandchildren", "child")

# Locales whose given-name lists (census and registry data, shipped with Faker) cover the names in English-language
# entertainment news.
GIVEN_NAME_LOCALES = ("en_US", "en_GB", "en_IE", "en_NZ", "en_IN", "es_ES", "es_MX", "fr_FR", "it_IT", "de_DE",
                      "pt_BR", "nl_NL", "pl_PL", "sv_SE", "ru_RU", "hi_IN", "ga_IE", "yo_NG", "ja_JP", "ko_KR")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """First names people are given, as a gazetteer: a name that starts with one is likely a person's or a
    character's, not a title's or a company's."""
    names: set[str] = set()
    for locale in GIVEN_NAME_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in ("first_names", "first_names_male", "first_names_female"):
            names.update(n for n in getattr(provider, attribute, ()) if n.isalpha() and n[0].isupper())
    return frozenset(names)
