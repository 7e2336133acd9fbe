"""``docgen tenant``, and ``--tenant`` / ``--role`` on the commands that make keys, users
and profiles."""

from __future__ import annotations

import json
import re

import pytest

from docgen.cli import main
from docgen.config import Settings
from docgen.register.access import ApiKeys, Users
from docgen.services import DocumentService
from tests.support import FIXTURES


@pytest.fixture
def shell(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("DOCGEN_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DOCGEN_DATABASE_URL", raising=False)
    return lambda *args: runner.invoke(main, list(args))


def _key(output: str) -> str:
    return re.search(r"dgk_[0-9a-f]+_\S+", output).group(0)  # type: ignore[union-attr]


def test_with_one_tenant_keys_belong_to_it_and_are_members_unless_made_admin(shell):
    member = shell("apikey", "create", "催收系统A")
    assert member.exit_code == 0, member.output
    assert "租户：default" in member.output and "角色：成员" in member.output
    admin = shell("apikey", "create", "模板管理", "--role", "admin")
    keys = ApiKeys(DocumentService(Settings()).register)
    assert (
        keys.authenticate(_key(member.output)).role,
        keys.authenticate(_key(admin.output)).role,
    ) == (
        "member",
        "admin",
    )
    assert shell("apikey", "create", "x", "--role", "owner").exit_code == 2


def test_with_several_tenants_the_tenant_must_be_named(shell, tmp_path):
    created = shell("tenant", "create", "甲律师事务所")
    assert created.exit_code == 0 and "已新建租户：甲律师事务所（编号 2）" in created.output
    assert shell("tenant", "create", "甲律师事务所").output.count("已存在") == 1
    assert "1\tdefault" in shell("tenant", "list").output

    unnamed = shell("apikey", "create", "催收系统B")
    assert unnamed.exit_code == 2 and "有多个租户，请用 --tenant 指定租户名称" in unnamed.output
    unknown = shell("user", "create", "clerk", "--password", "long enough pw", "--tenant", "乙所")
    assert unknown.exit_code == 2 and "没有名为「乙所」的租户" in unknown.output

    key = shell("apikey", "create", "催收系统B", "--tenant", "甲律师事务所")
    assert key.exit_code == 0, key.output
    assert (
        ApiKeys(DocumentService(Settings()).register).authenticate(_key(key.output)).tenant_id == 2
    )
    user = shell(
        "user",
        "create",
        "clerk",
        "--password",
        "long enough pw",
        "--tenant",
        "2",
        "--role",
        "admin",
    )
    assert user.exit_code == 0 and "租户 甲律师事务所，管理员" in user.output
    who = Users(DocumentService(Settings()).register).authenticate("clerk", "long enough pw")
    assert (who.tenant_id, who.role) == (2, "admin")

    profile = tmp_path / "firm.json"
    profile.write_text((FIXTURES / "sender_profiles" / "law_firm.json").read_text("utf-8"), "utf-8")
    assert shell("profile", "add", str(profile), "--tenant", "甲律师事务所").exit_code == 0
    assert "北京明正律师事务所" in shell("profile", "list", "--tenant", "甲律师事务所").output
    assert "北京明正律师事务所" not in shell("profile", "list", "--tenant", "default").output
    shown = shell("profile", "show", "1", "--tenant", "default")
    assert shown.exit_code == 1 and "发件人资料 1 不存在" in shown.output
    assert json.loads(shell("profile", "show", "1", "--tenant", "甲律师事务所").output)["id"] == 1
