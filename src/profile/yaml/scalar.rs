//! What a scalar is, read exactly as yaml_serde 0.10 reads it into a `Value`: null,
//! booleans, integers (signs, `0x`, `0o`, `0b`; `007` is text), floats (`.inf`,
//! `.nan`), the core tags `!!bool`, `!!int`, `!!float`, `!!null` (others, like `!!str`,
//! give text), a local tag `!name` as a tagged value, quoted and block scalars as
//! text. The rules are yaml_serde's own (`de.rs`: `visit_scalar`,
//! `visit_untagged_scalar` and the parsers they call), kept in step by the
//! differential test `tests/reader.rs`.

use saphyr_parser::ScalarStyle;
use serde_yaml::value::{Tag, TaggedValue};
use serde_yaml::Value;
use std::num::ParseIntError;

const CORE: &str = "tag:yaml.org,2002:";

/// The value of a scalar written `text` in `style`, with its tag as the parser
/// resolved it (handle and suffix joined: `tag:yaml.org,2002:int`, `!name`).
/// `Err` holds yaml_serde's words for a value its tag does not allow.
pub fn resolve(text: &str, style: ScalarStyle, tag: Option<&str>) -> Result<Value, String> {
    match tag {
        // a local tag: the value inside is read as if untagged
        Some(t) if t.starts_with('!') => Ok(tagged(t, untagged(text, style)?)),
        Some(t) => match t.strip_prefix(CORE) {
            Some("bool") => parse_bool(text)
                .map(Value::Bool)
                .ok_or_else(|| invalid(text, "a boolean")),
            Some("int") => int(text).unwrap_or_else(|| Err(invalid(text, "an integer"))),
            Some("float") => parse_f64(text)
                .map(|f| Value::Number(f.into()))
                .ok_or_else(|| invalid(text, "a float")),
            Some("null") => parse_null(text)
                .then_some(Value::Null)
                .ok_or_else(|| invalid(text, "null")),
            _ => Ok(Value::String(text.to_string())),
        },
        None => untagged(text, style),
    }
}

/// A collection's or scalar's value under a local tag (`!name` → `name`; a lone `!`
/// stays `!`), as yaml_serde's `parse_tag` names it.
pub fn tagged(tag: &str, value: Value) -> Value {
    let name = match tag.strip_prefix('!') {
        Some(rest) if !rest.is_empty() => rest,
        _ => tag,
    };
    Value::Tagged(Box::new(TaggedValue {
        tag: Tag::new(name),
        value,
    }))
}

/// Whether a collection's tag makes it a tagged value (a local tag); core tags such
/// as `!!seq` and `!!map` leave it as it is.
pub fn is_local(tag: Option<&str>) -> bool {
    tag.is_some_and(|t| t.starts_with('!'))
}

fn invalid(text: &str, expected: &str) -> String {
    format!("invalid value: string {text:?}, expected {expected}")
}

fn untagged(text: &str, style: ScalarStyle) -> Result<Value, String> {
    if style != ScalarStyle::Plain {
        return Ok(Value::String(text.to_string()));
    }
    if text.is_empty() || parse_null(text) {
        return Ok(Value::Null);
    }
    if let Some(b) = parse_bool(text) {
        return Ok(Value::Bool(b));
    }
    if let Some(v) = int(text) {
        return v;
    }
    if !digits_but_not_number(text) {
        if let Some(f) = parse_f64(text) {
            return Ok(Value::Number(f.into()));
        }
    }
    Ok(Value::String(text.to_string()))
}

/// An integer as yaml_serde's `visit_int` reads it; one that needs 128 bits is an
/// error (a `Value` has no room for it), `None` is not an integer.
fn int(v: &str) -> Option<Result<Value, String>> {
    if let Some(n) = parse_unsigned_int(v, u64::from_str_radix) {
        return Some(Ok(Value::Number(n.into())));
    }
    if let Some(n) = parse_negative_int(v, i64::from_str_radix) {
        return Some(Ok(Value::Number(n.into())));
    }
    let wide = |n: &dyn std::fmt::Display, bits: &str| {
        format!("invalid type: integer `{n}` as {bits}, expected any YAML value")
    };
    if let Some(n) = parse_unsigned_int(v, u128::from_str_radix) {
        return Some(Err(wide(&n, "u128")));
    }
    if let Some(n) = parse_negative_int(v, i128::from_str_radix) {
        return Some(Err(wide(&n, "i128")));
    }
    None
}

fn parse_null(v: &str) -> bool {
    matches!(v, "null" | "Null" | "NULL" | "~")
}

fn parse_bool(v: &str) -> Option<bool> {
    match v {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// `0x`, `0o` and `0b` digits after an optional `+`, or decimal digits.
fn parse_unsigned_int<T>(v: &str, radix: fn(&str, u32) -> Result<T, ParseIntError>) -> Option<T> {
    let unpositive = v.strip_prefix('+').unwrap_or(v);
    for (prefix, base) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(rest) = unpositive.strip_prefix(prefix) {
            if rest.starts_with(['+', '-']) {
                return None;
            }
            if let Ok(n) = radix(rest, base) {
                return Some(n);
            }
        }
    }
    if unpositive.starts_with(['+', '-']) || digits_but_not_number(v) {
        return None;
    }
    radix(unpositive, 10).ok()
}

/// `-0x`, `-0o` and `-0b` digits, or a negative decimal.
fn parse_negative_int<T>(v: &str, radix: fn(&str, u32) -> Result<T, ParseIntError>) -> Option<T> {
    for (prefix, base) in [("-0x", 16), ("-0o", 8), ("-0b", 2)] {
        if let Some(rest) = v.strip_prefix(prefix) {
            if let Ok(n) = radix(&format!("-{rest}"), base) {
                return Some(n);
            }
        }
    }
    if digits_but_not_number(v) {
        return None;
    }
    radix(v, 10).ok()
}

fn parse_f64(v: &str) -> Option<f64> {
    let unpositive = match v.strip_prefix('+') {
        Some(u) if u.starts_with(['+', '-']) => return None,
        Some(u) => u,
        None => v,
    };
    if let ".inf" | ".Inf" | ".INF" = unpositive {
        return Some(f64::INFINITY);
    }
    if let "-.inf" | "-.Inf" | "-.INF" = v {
        return Some(f64::NEG_INFINITY);
    }
    if let ".nan" | ".NaN" | ".NAN" = v {
        return Some(f64::NAN.copysign(1.0));
    }
    unpositive.parse::<f64>().ok().filter(|f| f.is_finite())
}

/// A leading zero followed by digits is text in YAML 1.2 (`007`).
fn digits_but_not_number(v: &str) -> bool {
    let v = v.strip_prefix(['-', '+']).unwrap_or(v);
    v.len() > 1 && v.starts_with('0') && v[1..].bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(s: &str) -> Value {
        resolve(s, ScalarStyle::Plain, None).unwrap()
    }

    #[test]
    fn plain_scalars_resolve_like_yaml_serde() {
        assert_eq!(plain(""), Value::Null);
        assert_eq!(plain("~"), Value::Null);
        assert_eq!(plain("True"), Value::Bool(true));
        assert_eq!(plain("yes"), Value::from("yes"));
        assert_eq!(plain("0x1F"), Value::from(31u64));
        assert_eq!(plain("-0o17"), Value::from(-15i64));
        assert_eq!(plain("+12"), Value::from(12u64));
        assert_eq!(plain("007"), Value::from("007"));
        assert_eq!(plain("1e3"), Value::from(1000.0));
        assert_eq!(plain("-.inf"), Value::from(f64::NEG_INFINITY));
        assert_eq!(plain("inf"), Value::from("inf"));
        assert!(resolve("99999999999999999999", ScalarStyle::Plain, None).is_err());
        let quoted = resolve("12", ScalarStyle::DoubleQuoted, None).unwrap();
        assert_eq!(quoted, Value::from("12"));
    }

    #[test]
    fn tags_resolve_like_yaml_serde() {
        let core = |t: &str, s: &str| resolve(s, ScalarStyle::Plain, Some(&format!("{CORE}{t}")));
        assert_eq!(core("str", "12"), Ok(Value::from("12")));
        assert_eq!(core("int", "0x10"), Ok(Value::from(16u64)));
        assert_eq!(core("float", "1"), Ok(Value::from(1.0)));
        assert!(core("int", "x").is_err());
        assert!(core("null", "").is_err());
        let t = resolve("12", ScalarStyle::Plain, Some("!who")).unwrap();
        assert_eq!(t, tagged("!who", Value::from(12u64)));
    }
}
