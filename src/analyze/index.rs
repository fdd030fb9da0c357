//! Resources of a model by logical id, so that rules following a link look it up instead of
//! searching a list. Where ids repeat, the first resource of an id is the one found, as a
//! search from the start of the list would find it.

use std::collections::HashMap;

use crate::model::{DbCluster, DbParameterGroup, DbSubnetGroup, IamUser, Model, ResMeta, SecurityGroup, Subnet};

pub struct Index<'m> {
    security_groups: HashMap<&'m str, &'m SecurityGroup>,
    subnets: HashMap<&'m str, &'m Subnet>,
    db_subnet_groups: HashMap<&'m str, &'m DbSubnetGroup>,
    db_parameter_groups: HashMap<&'m str, &'m DbParameterGroup>,
    db_clusters: HashMap<&'m str, &'m DbCluster>,
    iam_users: HashMap<&'m str, Vec<&'m IamUser>>,
}

fn by_id<'m, T>(items: &'m [T], id: impl Fn(&'m T) -> &'m str) -> HashMap<&'m str, &'m T> {
    let mut out = HashMap::with_capacity(items.len());
    for x in items {
        out.entry(id(x)).or_insert(x);
    }
    out
}

impl<'m> Index<'m> {
    pub fn of(m: &'m Model) -> Index<'m> {
        let mut iam_users: HashMap<&str, Vec<&IamUser>> = HashMap::with_capacity(m.iam_users.len());
        for u in &m.iam_users {
            iam_users.entry(u.meta.id.as_ref()).or_default().push(u);
        }
        Index {
            security_groups: by_id(&m.security_groups, |g| &g.meta.id),
            subnets: by_id(&m.subnets, |s| &s.meta.id),
            db_subnet_groups: by_id(&m.db_subnet_groups, |g| &g.meta.id),
            db_parameter_groups: by_id(&m.db_parameter_groups, |g| &g.meta.id),
            db_clusters: by_id(&m.db_clusters, |c| &c.meta.id),
            iam_users,
        }
    }

    /// The security group with this logical id.
    pub fn security_group(&self, id: &str) -> Option<&'m SecurityGroup> {
        self.security_groups.get(id).copied()
    }

    pub fn subnet(&self, id: &str) -> Option<&'m Subnet> {
        self.subnets.get(id).copied()
    }

    pub fn db_subnet_group(&self, id: &str) -> Option<&'m DbSubnetGroup> {
        self.db_subnet_groups.get(id).copied()
    }

    pub fn db_parameter_group(&self, id: &str) -> Option<&'m DbParameterGroup> {
        self.db_parameter_groups.get(id).copied()
    }

    pub fn db_cluster(&self, id: &str) -> Option<&'m DbCluster> {
        self.db_clusters.get(id).copied()
    }

    /// The first user whose identity equals `meta`.
    pub fn iam_user_of(&self, meta: &ResMeta) -> Option<&'m IamUser> {
        self.iam_users.get(meta.id.as_ref())?.iter().copied().find(|u| u.meta == *meta)
    }
}
