"""Parse-tree expressions -> ast expressions.

Dispatch is on the grammar's rule names and aliases (see grammar/pwc.lark).
Constructs outside the dialect are reported here, by name, at their span;
a placeholder takes their place so building goes on and finds more.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from lark import Token, Tree

from pwc.diagnostics import Span
from pwc.syntax import ast, unsupported
from pwc.syntax.build_context import BuildContext, Child, ParseTree, placeholder, token, tree
from pwc.syntax.build_params import build_params
from pwc.syntax.build_strings import build_strings
from pwc.syntax.literals import LiteralProblem, number_value
from pwc.syntax.targets import check_target


class ExprBuilder:
    def __init__(self, ctx: BuildContext) -> None:
        self.ctx = ctx

    def optional(self, node: Child) -> ast.Expr | None:
        return None if node is None else self.expr(node)

    def expr(self, node: Child) -> ast.Expr:
        if isinstance(node, Token):  # atoms of one token arrive as the token itself
            return self._atom(node)
        t = tree(node)
        span = self.ctx.span(t)
        kids = t.children
        match t.data:
            case "strings":
                return build_strings(self.ctx, [token(k) for k in kids], span)
            case "const_none":
                return ast.Constant(None, span)
            case "const_true":
                return ast.Constant(True, span)
            case "const_false":
                return ast.Constant(False, span)
            case "ellipsis":
                return ast.Constant(ast.ELLIPSIS, span)
            case "attribute":
                attr = token(kids[1])
                return ast.Attribute(self.expr(kids[0]), attr.value, span, self.ctx.span(attr))
            case "call":
                func, paren, arguments = kids
                args, keywords = self.arguments(arguments, self.ctx.span(token(paren)).to(span))
                return ast.Call(self.expr(func), args, keywords, span)
            case "subscript":
                return ast.Subscript(self.expr(kids[0]), self._index(kids[1]), span)
            case "bin_op":
                return self._bin_op(kids)
            case "power":
                return ast.BinOp(self.expr(kids[0]), "**", self.expr(kids[1]), span)
            case "unary_op":
                op = cast(ast.UnaryOpKind, token(kids[0]).value)
                return ast.UnaryOp(op, self.expr(kids[1]), span)
            case "not_op":
                return ast.UnaryOp("not", self.expr(kids[0]), span)
            case "and_op":
                return ast.BoolOp("and", self._exprs(kids), span)
            case "or_op":
                return ast.BoolOp("or", self._exprs(kids), span)
            case "compare":
                return self._compare(kids, span)
            case "if_exp":
                body, test, orelse = (self.expr(k) for k in kids)
                return ast.IfExp(test, body, orelse, span)
            case "lambdef":
                return ast.Lambda(build_params(self, kids[0]), self.expr(kids[1]), span)
            case "tuple" | "bare_tuple":
                return ast.TupleExpr(self._exprs(kids), span)
            case "paren":
                return self.expr(kids[0])
            case "list":
                return ast.ListExpr(self._exprs(kids), span)
            case "set":
                return ast.SetExpr(self._exprs(kids), span)
            case "dict":
                return self._dict(kids, span)
            case "listcomp":
                return ast.ListComp(self.expr(kids[0]), self.comprehensions(kids[1:]), span)
            case "setcomp":
                return ast.SetComp(self.expr(kids[0]), self.comprehensions(kids[1:]), span)
            case "dictcomp":
                key, value = (self.expr(k) for k in tree(kids[0]).children)
                return ast.DictComp(key, value, self.comprehensions(kids[1:]), span)
            case "fexpr":
                return self.expr(kids[0])
            case "genexp" | "fexpr_genexp":
                return ast.GeneratorExp(self.expr(kids[0]), self.comprehensions(kids[1:]), span)
            case "star_expr":
                return self._unsupported(span, unsupported.STARRED, kids)
            case "named_expr":
                return self._unsupported(span, unsupported.WALRUS, kids[1:])
            case "await_expr":
                return self._unsupported(span, unsupported.AWAIT, kids[1:])
            case "yield_expr" | "yield_from":
                return self._unsupported(span, unsupported.YIELD, kids)
            case other:
                self.ctx.error(span, f"unsupported syntax ({other})")
                return placeholder(span)

    def arguments(
        self, node: Child, parens: Span | None = None
    ) -> tuple[tuple[ast.Expr, ...], tuple[ast.Keyword, ...]]:
        """Positional and keyword arguments of a call (or of a class's bases).

        `parens` is the span of the call's parentheses: a generator that is
        the only argument spans them too, as in CPython (`sum(x for x in y)`).
        """
        args: list[ast.Expr] = []
        keywords: list[ast.Keyword] = []
        if node is None:
            return (), ()
        for arg in tree(node).children:
            if not isinstance(arg, Tree):
                args.append(self.expr(arg))
                if keywords:
                    self.ctx.error(args[-1].span, "positional argument follows keyword argument")
                continue
            a = tree(arg)
            span = self.ctx.span(a)
            match a.data:
                case "keyword_argument":
                    keyword = self._keyword(a, span, keywords)
                    if keyword is not None:
                        keywords.append(keyword)
                case "star_argument":
                    self._unsupported(span, unsupported.STAR_ARGUMENT, a.children)
                case "double_star_argument":
                    self._unsupported(span, unsupported.DOUBLE_STAR_ARGUMENT, a.children)
                case "genexp_argument":
                    kids = a.children
                    if not self._sole_argument(node, span):
                        self.ctx.error(span, "Generator expression must be parenthesized")
                    elif parens is not None:
                        span = parens
                    args.append(ast.GeneratorExp(self.expr(kids[0]),
                                                 self.comprehensions(kids[1:]), span))
                case _:
                    value = self.expr(a)
                    if keywords:
                        self.ctx.error(value.span, "positional argument follows keyword argument")
                    args.append(value)
        return tuple(args), tuple(keywords)

    def _sole_argument(self, arguments: Child, span: Span) -> bool:
        """Whether `span` is all there is between a call's parentheses.

        The grammar drops commas, so a trailing one shows only in the span.
        """
        whole = self.ctx.span(tree(arguments))
        return (whole.end_line, whole.end_col) == (span.end_line, span.end_col) and (
            whole.line, whole.col) == (span.line, span.col)

    def comprehensions(self, nodes: Sequence[Child]) -> tuple[ast.Comprehension, ...]:
        clauses: list[ast.Comprehension] = []
        for node in nodes:
            clause = tree(node)
            span = self.ctx.span(clause)
            is_async, target_node, iter_node, *ifs = clause.children
            if is_async is not None:
                self.ctx.unsupported(span, unsupported.ASYNC_COMPREHENSION)
            target = self.expr(target_node)
            check_target(self.ctx, target, "for")
            conditions = tuple(self.expr(tree(i).children[0]) for i in ifs)
            clauses.append(ast.Comprehension(target, self.expr(iter_node), conditions, span))
        return tuple(clauses)

    def _keyword(
        self, node: ParseTree, span: Span, earlier: list[ast.Keyword]
    ) -> ast.Keyword | None:
        name_node, value_node = node.children
        value = self.expr(value_node)
        if not (isinstance(name_node, Token) and name_node.type == "NAME"):
            self.ctx.error(span, 'expression cannot contain assignment, perhaps you meant "=="?')
            return None
        name = name_node.value
        if any(k.name == name for k in earlier):
            self.ctx.error(span, f"keyword argument repeated: {name}")
        return ast.Keyword(name, value, span)

    def _atom(self, tok: Token) -> ast.Expr:
        span = self.ctx.span(tok)
        if tok.type == "NAME":
            return ast.Name(tok.value, span)
        assert tok.type == "NUMBER", tok
        value = number_value(tok.value)
        if isinstance(value, LiteralProblem):
            self.ctx.error(span, value.message, value.hint)
            return placeholder(span)
        return ast.Constant(value, span)

    def _index(self, index: Child) -> ast.Expr | ast.Slice:
        if not isinstance(index, Tree):
            return self.expr(index)
        node = tree(index)
        match node.data:
            case "slice":
                lower, upper, step = (self.optional(k) for k in node.children)
                return ast.Slice(lower, upper, step, self.ctx.span(node))
            case "subscript_tuple":
                elements: list[ast.Expr] = []
                for element in node.children:
                    if isinstance(element, Tree) and element.data == "slice":
                        span = self.ctx.span(element)
                        self.ctx.error(
                            span, "a slice inside a tuple index (a[i:j, k]) is not supported"
                        )
                        elements.append(placeholder(span))
                    else:
                        elements.append(self.expr(element))
                return ast.TupleExpr(tuple(elements), self.ctx.span(node))
            case _:
                return self.expr(node)

    def _bin_op(self, kids: Sequence[Child]) -> ast.Expr:
        """`a + b - c` arrives flat as [a, '+', b, '-', c]; it groups to the left.

        Spans come from the parse tree, so `(a + b) * c` starts at its `(`.
        """
        result = self.expr(kids[0])
        start = self._extent(kids[0])
        for i in range(1, len(kids), 2):
            op = cast(ast.BinOpKind, token(kids[i]).value)
            right = self.expr(kids[i + 1])
            result = ast.BinOp(result, op, right, start.to(self._extent(kids[i + 1])))
        return result

    def _extent(self, node: Child) -> Span:
        """The source a child covers, parentheses included."""
        assert isinstance(node, Tree | Token)
        return self.ctx.span(node)

    def _compare(self, kids: Sequence[Child], span: Span) -> ast.Expr:
        ops: list[ast.CompareKind] = []
        comparators: list[ast.Expr] = []
        for i in range(1, len(kids), 2):
            words = " ".join(token(t).value for t in tree(kids[i]).children)
            ops.append(cast(ast.CompareKind, words))
            comparators.append(self.expr(kids[i + 1]))
        return ast.Compare(self.expr(kids[0]), tuple(ops), tuple(comparators), span)

    def _dict(self, kids: Sequence[Child], span: Span) -> ast.Expr:
        keys: list[ast.Expr] = []
        values: list[ast.Expr] = []
        for item in kids:
            entry = tree(item)
            if entry.data == "dict_unpack":
                self._unsupported(self.ctx.span(entry), unsupported.DICT_UNPACKING, entry.children)
                continue
            key, value = entry.children
            keys.append(self.expr(key))
            values.append(self.expr(value))
        return ast.DictExpr(tuple(keys), tuple(values), span)

    def _exprs(self, kids: Sequence[Child]) -> tuple[ast.Expr, ...]:
        return tuple(self.expr(k) for k in kids)

    def _unsupported(
        self, span: Span, what: unsupported.Unsupported, kids: Sequence[Child]
    ) -> ast.Expr:
        """Report `what`; the parts inside are still built, to report their problems too."""
        self.ctx.unsupported(span, what)
        for kid in kids:
            if isinstance(kid, Tree) and kid.data == "comp_for":
                self.comprehensions([kid])
            elif isinstance(kid, Tree):
                self.expr(kid)
        return placeholder(span)
