"""Phone numbers as the message says: a mainland mobile or a landline with its area code."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from docgen.domain.fields import Phone

PHONE = TypeAdapter(Phone)


@pytest.mark.parametrize(
    "value",
    [
        "13800138000",
        "138 0013 8010",
        "010-62345678",
        "0755-83216688",
        "(010)62345678",
        "010-62345678-123",
        "010-62345678转123",
        "400-800-1234",
        "800 123 4567",
        "+86 13800138000",
        "+86-755-83216688",
    ],
)
def test_mobiles_landlines_with_area_code_and_service_numbers_pass(value):
    assert PHONE.validate_python(value) == value


@pytest.mark.parametrize(
    "value",
    [
        "1380013801",  # a mobile number one digit short
        "138001380001",  # one digit too many
        "12800138000",  # no mobile starts 12
        "1062345678",  # 010-62345678 without its 0
        "62345678",  # no area code
        "010-123456789",  # 9 digits after the area code
        "123456",
        "１３８００１３８０００",  # full-width digits (a sheet's cell is normalised first)
    ],
)
def test_other_digits_are_refused_with_the_message_that_says_why(value):
    with pytest.raises(ValidationError) as caught:
        PHONE.validate_python(value)
    (error,) = caught.value.errors()
    assert error["type"] == "phone_format"
    assert "手机号（如 13800138000）或带区号的固话（如 010-12345678）" in error["msg"]


def test_the_mailing_sheet_writes_a_phone_without_its_extension():
    from docgen.batch.mailing import phone_digits

    assert phone_digits("010-62345678转123") == "01062345678"
    assert phone_digits("（0755）83216688") == "075583216688"
    assert phone_digits("+86 138 0013 8000") == "13800138000"
