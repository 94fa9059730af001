"""Parse-tree statements -> ast statements.

Statements outside the dialect are reported and left out; their bodies are
still built so that problems inside them are reported too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from lark import Tree

from pwc.diagnostics import Span
from pwc.syntax import ast, unsupported
from pwc.syntax.build_context import BuildContext, Child, ParseTree, token, tree
from pwc.syntax.build_expr import ExprBuilder
from pwc.syntax.build_params import build_params
from pwc.syntax.targets import check_target


class StmtBuilder:
    def __init__(self, ctx: BuildContext) -> None:
        self.ctx = ctx
        self.exprs = ExprBuilder(ctx)

    def statements(self, nodes: Sequence[Child]) -> tuple[ast.Stmt, ...]:
        out: list[ast.Stmt] = []
        for node in nodes:
            out.extend(self.statement(tree(node)))
        return tuple(out)

    def statement(self, node: ParseTree) -> list[ast.Stmt]:
        """One line's statements (`a; b`) or one compound statement."""
        span = self.ctx.span(node)
        kids = node.children
        match node.data:
            case "simple_stmt":
                return [s for k in kids if (s := self._small(tree(k))) is not None]
            case "if_stmt":
                return [self._if(kids, span)]
            case "while_stmt":
                test, body, orelse = kids
                return [
                    ast.While(self.exprs.expr(test), self._suite(body), self._suite(orelse), span)
                ]
            case "for_stmt":
                return [self._for(kids, span)]
            case "try_stmt":
                return [self._try(kids, span)]
            case "funcdef":
                return [self._funcdef(node, ())]
            case "classdef":
                return [self._classdef(node, ())]
            case "decorated":
                return self._decorated(kids)
            case "with_stmt":
                self.ctx.unsupported(_keyword_span(span, "with"), unsupported.WITH)
                self._build_parts(kids)
                return []
            case "async_stmt":
                self._async(kids)
                return []
            case other:
                self.ctx.error(span, f"unsupported syntax ({other})")
                return []

    def _small(self, node: ParseTree) -> ast.Stmt | None:
        span = self.ctx.span(node)
        kids = node.children
        exprs = self.exprs
        match node.data:
            case "expr_stmt":
                return ast.ExprStmt(exprs.expr(kids[0]), span)
            case "assign":
                targets = tuple(exprs.expr(k) for k in kids[:-1])
                for target in targets:
                    check_target(self.ctx, target, "assign")
                return ast.Assign(targets, exprs.expr(kids[-1]), span)
            case "annassign":
                target = exprs.expr(kids[0])
                check_target(self.ctx, target, "annotated")
                return ast.AnnAssign(target, exprs.expr(kids[1]), exprs.optional(kids[2]), span)
            case "augassign":
                target = exprs.expr(kids[0])
                check_target(self.ctx, target, "augmented")
                op = cast(ast.BinOpKind, token(tree(kids[1]).children[0]).value[:-1])
                return ast.AugAssign(target, op, exprs.expr(kids[2]), span)
            case "pass_stmt":
                return ast.Pass(span)
            case "break_stmt":
                return ast.Break(span)
            case "continue_stmt":
                return ast.Continue(span)
            case "return_stmt":
                return ast.Return(exprs.optional(kids[0]), span)
            case "raise_stmt":
                return ast.Raise(exprs.optional(kids[0]), exprs.optional(kids[1]), span)
            case "del_stmt":
                return self._delete(kids[0], span)
            case "assert_stmt":
                return ast.Assert(exprs.expr(kids[0]), exprs.optional(kids[1]), span)
            case "import_name":
                return ast.Import(tuple(self._dotted_alias(tree(k)) for k in kids), span)
            case "import_from":
                return self._import_from(kids, span)
            case "global_stmt":
                return ast.Global(tuple(str(k) for k in kids), span)
            case "nonlocal_stmt":
                self.ctx.unsupported(span, unsupported.NONLOCAL)
                return None
            case other:
                self.ctx.error(span, f"unsupported syntax ({other})")
                return None

    def _suite(self, node: Child) -> tuple[ast.Stmt, ...]:
        """A block (None, for an absent `else:`, is an empty block)."""
        if node is None:
            return ()
        return self.statements(tree(node).children)

    def _if(self, kids: Sequence[Child], span: Span) -> ast.If:
        test, body, *elifs, orelse_node = kids
        orelse = self._suite(orelse_node)
        for clause_node in reversed(elifs):
            clause = tree(clause_node)
            clause_span = self.ctx.span(clause)
            if orelse:
                clause_span = clause_span.to(orelse[-1].span)
            elif_test, elif_body = clause.children
            orelse = (
                ast.If(self.exprs.expr(elif_test), self._suite(elif_body), orelse, clause_span),
            )
        return ast.If(self.exprs.expr(test), self._suite(body), orelse, span)

    def _for(self, kids: Sequence[Child], span: Span) -> ast.For:
        target_node, iter_node, body, orelse = kids
        target = self.exprs.expr(target_node)
        check_target(self.ctx, target, "for")
        return ast.For(
            target, self.exprs.expr(iter_node), self._suite(body), self._suite(orelse), span
        )

    def _try(self, kids: Sequence[Child], span: Span) -> ast.Try:
        body = self._suite(kids[0])
        handlers: list[ast.ExceptHandler] = []
        orelse: tuple[ast.Stmt, ...] = ()
        finalbody: tuple[ast.Stmt, ...] = ()
        for kid in kids[1:]:
            if kid is None:
                continue
            part = tree(kid)
            match part.data:
                case "except_clause":
                    handlers.append(self._handler(part, handlers))
                case "except_star_clause":
                    self.ctx.unsupported(
                        _keyword_span(self.ctx.span(part), "except"), unsupported.EXCEPT_STAR
                    )
                    self._build_parts(part.children)
                case "suite":
                    orelse = self._suite(part)
                case "finally_clause":
                    finalbody = self._suite(part.children[0])
        return ast.Try(body, tuple(handlers), orelse, finalbody, span)

    def _handler(self, node: ParseTree, earlier: list[ast.ExceptHandler]) -> ast.ExceptHandler:
        span = self.ctx.span(node)
        type_node, name, body = node.children
        if earlier and earlier[-1].type is None:
            self.ctx.error(
                _keyword_span(earlier[-1].span, "except"), "default 'except:' must be last"
            )
        return ast.ExceptHandler(
            self.exprs.optional(type_node),
            None if name is None else token(name).value,
            self._suite(body),
            span,
        )

    def _funcdef(self, node: ParseTree, decorators: tuple[ast.Expr, ...]) -> ast.FunctionDef:
        name, params, returns, body = node.children
        return ast.FunctionDef(
            token(name).value,
            build_params(self.exprs, params),
            self.exprs.optional(returns),
            self._suite(body),
            decorators,
            self.ctx.span(node),
            self.ctx.span(token(name)),
        )

    def _classdef(self, node: ParseTree, decorators: tuple[ast.Expr, ...]) -> ast.ClassDef:
        name, arguments, body = node.children
        bases, keywords = self.exprs.arguments(arguments)
        for keyword in keywords:
            self.ctx.unsupported(keyword.span, unsupported.CLASS_KEYWORDS)
        for base in bases:
            if isinstance(base, ast.GeneratorExp):
                self.ctx.error(base.span, "invalid syntax: a generator expression as a base class")
        return ast.ClassDef(
            token(name).value,
            bases,
            self._suite(body),
            decorators,
            self.ctx.span(node),
            self.ctx.span(token(name)),
        )

    def _decorated(self, kids: Sequence[Child]) -> list[ast.Stmt]:
        *decorator_nodes, definition = kids
        decorators = tuple(self.exprs.expr(tree(d).children[0]) for d in decorator_nodes)
        target = tree(definition)
        match target.data:
            case "funcdef":
                return [self._funcdef(target, decorators)]
            case "classdef":
                return [self._classdef(target, decorators)]
            case _:
                return self.statement(target)

    def _async(self, kids: Sequence[Child]) -> None:
        async_token, inner_node = token(kids[0]), tree(kids[1])
        inner = self.ctx.span(inner_node)
        keyword = {"funcdef": "def", "with_stmt": "with", "for_stmt": "for"}[inner_node.data]
        what = {
            "def": unsupported.ASYNC_FUNCTION,
            "with": unsupported.ASYNC_WITH,
            "for": unsupported.ASYNC_FOR,
        }[keyword]
        self.ctx.unsupported(self.ctx.span(async_token).to(_keyword_span(inner, keyword)), what)
        if inner_node.data == "funcdef":
            self._funcdef(inner_node, ())
        else:
            self._build_parts(inner_node.children)

    def _delete(self, node: Child, span: Span) -> ast.Delete:
        # `del a, b` deletes two targets; `del (a, b)` one tuple target.
        is_list = isinstance(node, Tree) and node.data == "bare_tuple"
        nodes = tree(node).children if is_list else [node]
        targets = tuple(self.exprs.expr(k) for k in nodes)
        for target in targets:
            check_target(self.ctx, target, "del")
        return ast.Delete(targets, span)

    def _dotted_alias(self, node: ParseTree) -> ast.Alias:
        dotted, asname = node.children
        name = ".".join(token(part).value for part in tree(dotted).children)
        return ast.Alias(name, None if asname is None else token(asname).value, self.ctx.span(node))

    def _import_from(self, kids: Sequence[Child], span: Span) -> ast.ImportFrom | None:
        dots, *rest = kids
        module = ""
        if rest and isinstance(rest[0], Tree) and rest[0].data == "dotted_name":
            module = ".".join(token(part).value for part in rest[0].children)
        if dots is not None:
            self.ctx.unsupported(span, unsupported.RELATIVE_IMPORT)
            return None
        names_node = tree(rest[-1])
        if names_node.data == "import_star":
            self.ctx.unsupported(span, unsupported.IMPORT_STAR)
            return None
        names = tuple(
            ast.Alias(
                token(name).value,
                None if asname is None else token(asname).value,
                self.ctx.span(tree(n)),
            )
            for n in names_node.children
            for name, asname in [tree(n).children]
        )
        return ast.ImportFrom(module, names, span)

    def _build_parts(self, kids: Sequence[Child]) -> None:
        """Build the parts of a reported statement, for the errors inside them."""
        for kid in kids:
            if not isinstance(kid, Tree):
                continue
            match kid.data:
                case "suite":
                    self._suite(kid)
                case "with_item" | "except_clause":
                    self._build_parts(kid.children)
                case _:
                    self.exprs.expr(kid)


def _keyword_span(span: Span, keyword: str) -> Span:
    """The span of the keyword a statement starts with."""
    return Span(span.path, span.line, span.col, span.line, span.col + len(keyword))
