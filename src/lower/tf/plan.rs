//! Plan files (`terraform show -json`): the planned values of every resource instance.
