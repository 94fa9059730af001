"""A field narrowed by a test, then changed by a call before it is read:
mypy keeps the narrowing, and CPython fails at the next attribute read.
pwc tests such a field again where it is read after a call, so it raises
the same AttributeError instead of reading through None."""
# covers: optional-narrowing, isinstance, stale-narrowing


class Conn:
    def __init__(self, name: str) -> None:
        self.name = name
        self.sent = 0

    def send(self) -> None:
        self.sent += 1


class Secure(Conn):
    def __init__(self) -> None:
        super().__init__("tls")
        self.cipher = "aes"


class Holder:
    def __init__(self) -> None:
        self.conn: Conn | None = Conn("plain")

    def close(self) -> None:
        self.conn = None

    def replace(self) -> None:
        self.conn = Conn("replaced")

    def closing_then_sending(self) -> None:
        if self.conn is not None:
            print("open", self.conn.name)
            self.replace()
            print("still open", self.conn.name)
            self.close()
            try:
                self.conn.send()
            except AttributeError as e:
                print("AttributeError:", e)
        self.conn = Conn("reopened")
        self.conn.send()
        print(self.conn.name, self.conn.sent)

    def closing_in_a_loop(self) -> None:
        self.conn = Conn("loop")
        rounds = 0
        while self.conn is not None and rounds < 5:
            rounds += 1
            if rounds == 3:
                self.close()
        print("rounds", rounds)
        self.conn = Conn("for")
        if self.conn is not None:
            for i in range(3):
                try:
                    print(i, self.conn.name)
                except AttributeError as e:
                    print(i, "AttributeError:", e)
                if i == 1:
                    self.close()

    def subclass_replaced(self) -> None:
        self.conn = Secure()
        if isinstance(self.conn, Secure):
            print(self.conn.cipher)
            self.replace()
            print(self.conn.name)  # on Conn too: read from whatever it is now
            try:
                print(self.conn.cipher)
            except AttributeError as e:
                print("AttributeError:", e)


holder = Holder()
holder.closing_then_sending()
holder.closing_in_a_loop()
holder.subclass_replaced()
