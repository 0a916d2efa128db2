'use strict';
// The admin's slug prefill, made to follow the server's rule (mutuelles_site/slugs.py):
// Django's URLify drops "œ" ("Œnologue" gives "nologue") and keeps only the accents it has in
// its tables. Here œ, æ and ß are spelled out and every accent is removed first, as Python's
// NFKD does, then URLify does the rest (lower case, apostrophes dropped, hyphens).
{
    const urlify = window.URLify;
    const SPELLED_OUT = {'œ': 'oe', 'Œ': 'OE', 'æ': 'ae', 'Æ': 'AE', 'ß': 'ss'};

    window.URLify = function(text, maxLength, allowUnicode) {
        const plain = text
            .replace(/[œŒæÆß]/g, (letter) => SPELLED_OUT[letter])
            .normalize('NFKD')
            .replace(/\p{M}/gu, '');
        return urlify(plain, maxLength, allowUnicode).replace(/^[-_]+|[-_]+$/g, '');
    };
}
