"""Words written with a full stop that does not end the sentence, per language.

``BEFORE_NAME``: titles and the like, followed by a name or any word ("dr Kowalski",
"e.g. Poland"): a full stop after them never ends a sentence. ``BEFORE_NUMBER``: followed
by a number ("no. 2/2019", "s. 14", "рис. 3"): the sentence goes on when a digit follows.
Every other full stop ends the sentence when what follows starts a sentence (a capital,
a digit or a quotation mark), so "etc. The" ends one and "т.е. это" does not. Entries are
lower case, without their last full stop.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


BEFORE_NAME: dict[str, frozenset[str]] = {
    "en": _words(
        "mr mrs ms dr prof gen col lt sgt capt st mt rev hon amb sen rep gov pres "
        "e.g i.e cf vs approx u.s u.k u.n e.u"
    ),
    "pl": _words(
        "dr prof mgr inż hab doc płk gen kpt ks św tzw tj np m.in ok wg ws zob ds ul al "
        "pl ang ros niem franc łac"
    ),
    "ru": _words(
        "т.е т.к т.н др проф акад им ул пр пл г-н г-жа см ср напр англ рус нем фр лат ген"
    ),
}

BEFORE_NUMBER: dict[str, frozenset[str]] = {
    "en": _words(
        "no nos nr p pp vol fig ch art para sec tab "
        "jan feb mar apr jun jul aug sep sept oct nov dec"
    ),
    "pl": _words("nr s str t poz pkt ust art par rozdz rys tab vol godz"),
    "ru": _words("№ с стр т вып п ст гл рис табл ч"),
}
