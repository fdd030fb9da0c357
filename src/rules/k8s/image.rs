//! Container image references, as the image rules read them.

/// An image reference split into name, tag and digest.
#[derive(Debug, PartialEq, Eq)]
pub struct ImageRef<'a> {
    pub name: &'a str,
    pub tag: Option<&'a str>,
    pub digest: Option<&'a str>,
}

/// Splits `registry:port/path/name:tag@sha256:...`.
pub fn parse_image(image: &str) -> ImageRef<'_> {
    let (rest, digest) = match image.split_once('@') {
        Some((r, d)) => (r, Some(d)),
        None => (image, None),
    };
    let last_slash = rest.rfind('/').map_or(0, |i| i + 1);
    match rest[last_slash..].rfind(':') {
        Some(i) => ImageRef { name: &rest[..last_slash + i], tag: Some(&rest[last_slash + i + 1..]), digest },
        None => ImageRef { name: rest, tag: None, digest },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_references() {
        assert_eq!(parse_image("nginx"), ImageRef { name: "nginx", tag: None, digest: None });
        assert_eq!(parse_image("nginx:latest").tag, Some("latest"));
        assert_eq!(parse_image("localhost:5000/app").tag, None);
        assert_eq!(parse_image("localhost:5000/app:1.2").tag, Some("1.2"));
        let r = parse_image("ghcr.io/x/y:1@sha256:abc");
        assert_eq!((r.name, r.tag, r.digest), ("ghcr.io/x/y", Some("1"), Some("sha256:abc")));
    }
}
