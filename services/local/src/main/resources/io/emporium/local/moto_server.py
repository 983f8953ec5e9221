# moto_server with DynamoDB calls made one at a time (io.emporium.local.MotoServer runs this with
# `python3 -c <this file> -H <host> -p <port>`; the arguments are moto_server's).
#
# moto 5.2.1 rolls a cancelled TransactWriteItems back by putting back whole tables it copied when
# the transaction began, and the server answers calls on concurrent threads: every write another
# client committed in between (a checkout, its outbox item) is silently undone, after it was
# answered 200. Copying a table while another thread writes it also fails the call with a 500
# ("dictionary changed size during iteration"), and a reader can see a transaction's writes before
# it is cancelled. Real DynamoDB isolates transactions; serializing the emulator's DynamoDB calls
# gives the same guarantees (one call at a time is trivially serializable). The other services
# are untouched.
import sys
import threading

from moto.dynamodb.responses import DynamoHandler
from moto.server import main

_one_at_a_time = threading.RLock()
_call_action = DynamoHandler.call_action


def _serialized_call_action(self):
    with _one_at_a_time:
        return _call_action(self)


DynamoHandler.call_action = _serialized_call_action

main(sys.argv[1:])
