"""Django's JSON format without its loss of precision: datetimes keep their microseconds.

DjangoJSONEncoder cuts them to milliseconds (the ECMA-262 format), so every history entry
that went through a backup would come back with another date. Registered in place of "json"
by SERIALIZATION_MODULES; reading is Django's own.
"""

import datetime

from django.core.serializers.json import Deserializer, DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer

__all__ = ["Deserializer", "Serializer"]


class ExactEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            return o.isoformat()
        return super().default(o)


class Serializer(JSONSerializer):
    def _init_options(self):
        self.options.setdefault("cls", ExactEncoder)
        super()._init_options()
