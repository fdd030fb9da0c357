//! Network reachability: the verdict and the blocking hop for each fixture, the seed's
//! architecture (examples/web-tier.yaml), the security group rules' notes, and the
//! `net exposure` command in every format.

use std::path::Path;
use std::process::Command;

use palisade::analyze::reach::{Exposure, HopKind, Verdict};
use palisade::cli::net::analyse_source;
use palisade::scan::{ScanOptions, scan_source};
use palisade::source::SourceFile;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn exposures(rel: &str) -> Vec<Exposure> {
    let text = std::fs::read_to_string(root().join(rel)).unwrap();
    let (files, diags) = analyse_source(SourceFile::new(rel, text), &Default::default());
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(files.len(), 1, "{rel} is not a template");
    files.into_iter().next().unwrap().exposures
}

fn row<'e>(rows: &'e [Exposure], id: &str, port: i64) -> &'e Exposure {
    rows.iter()
        .find(|e| &*e.resource.id == id && e.ports.is_some_and(|(a, b)| a <= port && port <= b) && e.via.is_none())
        .unwrap_or_else(|| panic!("no row for {id}:{port} in {rows:#?}"))
}

const FIX: &str = "src/rules/net/fixtures/";

/// (fixture, verdict of Server tcp/22, kind of the first hop, a word of its text)
#[test]
fn each_hop_can_block() {
    let cases: &[(&str, Verdict, HopKind, &str)] = &[
        ("net-admin-port-reachable.fail.yaml", Verdict::Exposed, HopKind::PublicAddress, "public IP"),
        ("net-admin-port-reachable.fail.2.yaml", Verdict::Exposed, HopKind::PublicAddress, "public IP"),
        ("net-admin-port-reachable.pass.yaml", Verdict::NotExposed, HopKind::Route, "NAT gateway"),
        ("net-admin-port-reachable.pass.2.yaml", Verdict::NotExposed, HopKind::Route, "peering"),
        ("net-admin-port-reachable.pass.3.yaml", Verdict::NotExposed, HopKind::NaclInbound, "`DenySsh` (rule 90)"),
        ("net-admin-port-reachable.pass.4.yaml", Verdict::NotExposed, HopKind::NaclOutbound, "no return traffic"),
        ("net-admin-port-reachable.pass.6.yaml", Verdict::NotExposed, HopKind::PublicAddress, "no public IP"),
        ("net-admin-port-reachable.pass.7.yaml", Verdict::NotExposed, HopKind::Route, "transit gateway"),
        ("net-admin-port-reachable.pass.8.yaml", Verdict::Unknown, HopKind::Route, "cannot be decided"),
    ];
    for (file, verdict, kind, word) in cases {
        let rows = exposures(&format!("{FIX}{file}"));
        let r = row(&rows, "Server", 22);
        assert_eq!(r.verdict, *verdict, "{file}: {r:#?}");
        assert_eq!(r.path[0].kind, *kind, "{file}: {r:#?}");
        assert!(r.path[0].text.en().contains(word), "{file}: {r:#?}");
    }
    // Exposed: the whole path, in the order a packet travels.
    let rows = exposures(&format!("{FIX}net-admin-port-reachable.fail.2.yaml"));
    let kinds: Vec<HopKind> = row(&rows, "Server", 22).path.iter().map(|h| h.kind).collect();
    assert_eq!(
        kinds,
        [HopKind::PublicAddress, HopKind::Route, HopKind::NaclInbound, HopKind::NaclOutbound, HopKind::SecurityGroup]
    );
    // IPv6 through an egress-only gateway is named among the blocking hops.
    let rows = exposures(&format!("{FIX}net-admin-port-reachable.pass.7.yaml"));
    assert!(row(&rows, "Server", 22).path.iter().any(|h| h.text.en().contains("egress-only")), "{rows:#?}");
    // The source is another group: nothing admits the internet.
    let rows = exposures(&format!("{FIX}net-admin-port-reachable.pass.5.yaml"));
    let r = rows.iter().find(|e| &*e.resource.id == "Server").unwrap();
    assert_eq!((r.verdict, r.path[0].kind), (Verdict::NotExposed, HopKind::SecurityGroup), "{r:#?}");
}

#[test]
fn load_balancer_is_the_internet_facing_hop_for_private_targets() {
    let rows = exposures(&format!("{FIX}net-exposure-inventory.fail.yaml"));
    assert_eq!(row(&rows, "LoadBalancer", 443).verdict, Verdict::Exposed);
    // Directly, the private instance is not reachable...
    let direct = rows.iter().find(|e| &*e.resource.id == "App" && e.via.is_none()).unwrap();
    assert_eq!(direct.verdict, Verdict::NotExposed);
    // ...but through the load balancer it is, on the target group's port.
    let via = rows.iter().find(|e| &*e.resource.id == "App" && e.via.as_deref() == Some("LoadBalancer")).unwrap();
    assert_eq!((via.verdict, via.ports), (Verdict::Exposed, Some((8080, 8080))));
    assert!(via.path.iter().any(|h| h.kind == HopKind::LoadBalancer));
    assert!(via.path.iter().any(|h| h.text.en().contains("from load balancer `LoadBalancer`")), "{via:#?}");
    // An internal load balancer exposes nothing.
    let rows = exposures(&format!("{FIX}net-exposure-inventory.pass.yaml"));
    assert!(rows.iter().all(|e| e.verdict != Verdict::Exposed), "{rows:#?}");
}

#[test]
fn data_stores() {
    let rows = exposures(&format!("{FIX}net-data-store-reachable.fail.yaml"));
    assert_eq!(row(&rows, "Database", 5432).verdict, Verdict::Exposed);
    assert_eq!(row(&rows, "Cache", 6379).verdict, Verdict::NotExposed);
    let rows = exposures(&format!("{FIX}net-data-store-reachable.pass.yaml"));
    assert_eq!(row(&rows, "Database", 5432).verdict, Verdict::NotExposed);
}

/// The seed's VPC: public and private subnet, NAT gateway in the public one, web group on
/// 80/443. The web tier is reachable on 80 and 443 only; the private subnet not at all.
#[test]
fn seed_architecture() {
    let rows = exposures("examples/web-tier.yaml");
    let exposed: Vec<(String, String)> = rows
        .iter()
        .filter(|e| e.verdict == Verdict::Exposed)
        .map(|e| (e.resource.id.to_string(), e.port_text()))
        .collect();
    assert_eq!(exposed, [("WebServer".to_string(), "tcp/80".to_string()), ("WebServer".into(), "tcp/443".into())]);
    for id in ["AppServer", "Database"] {
        let r = rows.iter().find(|e| &*e.resource.id == id).unwrap();
        assert_eq!(r.verdict, Verdict::NotExposed, "{r:#?}");
        assert!(r.path[0].text.en().contains("NAT gateway"), "{r:#?}");
    }
    assert!(rows.iter().all(|e| e.verdict != Verdict::Unknown), "{rows:#?}");
}

fn messages(rule: &str, rel: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root().join(rel)).unwrap();
    let opts = ScanOptions { select: vec![rule.to_string()], ..ScanOptions::default() };
    let r = scan_source(SourceFile::new(rel, text), &opts).unwrap();
    r.findings.iter().map(|f| f.message().into_owned()).collect()
}

#[test]
fn security_group_findings_point_to_reachability() {
    let m = messages("PAL-EC2-001", &format!("{FIX}net-admin-port-reachable.fail.yaml"));
    assert!(m.len() == 1 && m[0].contains("; reachable from the internet: `Server` tcp/22"), "{m:?}");
    let m = messages("PAL-EC2-001", &format!("{FIX}net-admin-port-reachable.pass.yaml"));
    assert!(m.len() == 1 && m[0].contains("; not reachable from the internet: `Server`: route"), "{m:?}");
    // Undecidable path: the finding stays as it was.
    let m = messages("PAL-EC2-001", &format!("{FIX}net-admin-port-reachable.pass.8.yaml"));
    assert!(m.len() == 1 && !m[0].contains("reachable from the internet:"), "{m:?}");
}

fn net_exposure(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_palisade"))
        .args(["net", "exposure"])
        .args(args)
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn command_formats() {
    let text = net_exposure(&["examples/"]);
    let line = |id: &str, port: &str| {
        text.lines()
            .find(|l| l.split_whitespace().take(2).eq([id, port]))
            .unwrap_or_else(|| panic!("{id} {port}:\n{text}"))
    };
    assert!(line("WebServer", "tcp/443").contains("exposed"));
    assert!(line("WebServer", "tcp/443").contains("internet gateway `InternetGateway` (line 60)"));
    assert!(line("AppServer", "tcp/*").contains("not exposed"));
    assert!(line("SecureDatabase", "tcp/3306").contains("not exposed"));
    assert!(line("Database", "tcp/3306").contains(" exposed "));
    assert!(text.contains("examples/web-tier.yaml") && text.contains("exposed, "));

    let json: serde_json::Value =
        serde_json::from_str(&net_exposure(&["examples/web-tier.yaml", "-f", "json"])).unwrap();
    let rows = json["files"][0]["exposures"].as_array().unwrap();
    let web: Vec<_> = rows.iter().filter(|r| r["verdict"] == "exposed").collect();
    assert_eq!(web.len(), 2);
    assert_eq!(web[0]["path"].as_array().unwrap().len(), 5);
    assert_eq!(web[0]["path"][1]["kind"], "route");
    assert_eq!(web[0]["path"][1]["line"], 60);

    let dot = net_exposure(&["examples/web-tier.yaml", "--format", "dot"]);
    assert!(dot.starts_with("digraph exposure {"), "{dot}");
    assert!(dot.contains("label=\"VPC VPC\""), "{dot}");
    assert!(dot.contains("internet -> \"0:WebServer\" [label=\"tcp/443\", color=red"), "{dot}");
    assert!(!dot.contains("-> \"0:AppServer\" [label"), "{dot}");
    // A node's label is its logical id and type on two lines: one `\n` escape, which Graphviz
    // renders as a line break (not `\\n`, which it would show as a backslash and an `n`).
    assert!(dot.contains("\"0:WebServer\" [label=\"WebServer\\nAWS::EC2::Instance\"]"), "{dot}");
    assert!(!dot.contains("\\\\n"), "{dot}");
}

fn exposures_of_text(name: &str, text: &str) -> Vec<Exposure> {
    let (files, diags) = analyse_source(SourceFile::new(name, text.to_string()), &Default::default());
    assert!(diags.is_empty(), "{diags:?}");
    files.into_iter().next().unwrap().exposures
}

/// A public instance in a subnet of the template's VPC, with every protocol open to the world;
/// `extra` adds resources.
fn main_table_template(extra: &str) -> String {
    format!(
        r#"Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {{CidrBlock: 10.0.0.0/16}}
  Gateway:
    Type: AWS::EC2::InternetGateway
  Attachment:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties: {{VpcId: !Ref Vpc, InternetGatewayId: !Ref Gateway}}
  Subnet:
    Type: AWS::EC2::Subnet
    Properties: {{VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, MapPublicIpOnLaunch: true}}
  Open:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: everything
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - {{IpProtocol: "-1", CidrIp: 0.0.0.0/0}}
  Server:
    Type: AWS::EC2::Instance
    Properties: {{ImageId: ami-1, SubnetId: !Ref Subnet, SecurityGroupIds: [!Ref Open]}}
{extra}"#
    )
}

#[test]
fn a_subnet_without_association_uses_the_main_route_table_which_the_template_cannot_route() {
    let rows = exposures_of_text("main.yaml", &main_table_template(""));
    let r = row(&rows, "Server", 22);
    assert_eq!(r.verdict, Verdict::NotExposed, "{r:#?}");
    assert_eq!(r.path[0].kind, HopKind::Route);
    assert!(
        r.path[0]
            .text
            .en()
            .contains("main route table, which has only the local route unless changed outside the template")
    );
    // A route of the template to a table it does not declare may be the main table's.
    let foreign = "  Route:\n    Type: AWS::EC2::Route\n    Properties: {RouteTableId: rtb-0123, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Gateway}\n";
    let rows = exposures_of_text("foreign.yaml", &main_table_template(foreign));
    assert_eq!(row(&rows, "Server", 22).verdict, Verdict::Unknown);
    // An existing VPC's main table (a default VPC's routes to the internet) is not known.
    let existing = main_table_template("")
        .replace("VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24", "VpcId: vpc-0123, CidrBlock: 10.0.1.0/24");
    let rows = exposures_of_text("existing.yaml", &existing);
    assert_eq!(row(&rows, "Server", 22).verdict, Verdict::Unknown);
}

#[test]
fn protocol_minus_one_is_all_traffic() {
    let assoc = "  Table:\n    Type: AWS::EC2::RouteTable\n    Properties: {VpcId: !Ref Vpc}\n  Route:\n    Type: AWS::EC2::Route\n    Properties: {RouteTableId: !Ref Table, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Gateway}\n  Assoc:\n    Type: AWS::EC2::SubnetRouteTableAssociation\n    Properties: {SubnetId: !Ref Subnet, RouteTableId: !Ref Table}\n";
    let rows = exposures_of_text("all.yaml", &main_table_template(assoc));
    let r = row(&rows, "Server", 0);
    assert_eq!(r.verdict, Verdict::Exposed, "{r:#?}");
    let sg = r.path.iter().find(|h| h.kind == HopKind::SecurityGroup).unwrap();
    assert!(sg.text.en().contains("allows all traffic from"), "{}", sg.text.en());
    assert!(!r.path.iter().any(|h| h.text.en().contains("tcp/0")), "{:#?}", r.path);
}

/// A VPC with a public subnet (default route to an attached internet gateway) and a private
/// one (no route out), an SSH group open to the world, and `Web` launched with the network
/// interface `Eni` in `subnet`; `extra` is appended to the resources.
fn interface_template(subnet: &str, extra: &str) -> String {
    format!(
        r#"
Resources:
  Vpc: {{Type: AWS::EC2::VPC, Properties: {{CidrBlock: 10.0.0.0/16}}}}
  Gw: {{Type: AWS::EC2::InternetGateway}}
  Attach: {{Type: AWS::EC2::VPCGatewayAttachment, Properties: {{VpcId: !Ref Vpc, InternetGatewayId: !Ref Gw}}}}
  PublicTable: {{Type: AWS::EC2::RouteTable, Properties: {{VpcId: !Ref Vpc}}}}
  Default: {{Type: AWS::EC2::Route, Properties: {{RouteTableId: !Ref PublicTable, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Gw}}}}
  PublicAssoc: {{Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {{SubnetId: !Ref Public, RouteTableId: !Ref PublicTable}}}}
  PrivateTable: {{Type: AWS::EC2::RouteTable, Properties: {{VpcId: !Ref Vpc}}}}
  PrivateAssoc: {{Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {{SubnetId: !Ref Private, RouteTableId: !Ref PrivateTable}}}}
  Public: {{Type: AWS::EC2::Subnet, Properties: {{VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, MapPublicIpOnLaunch: true}}}}
  Private: {{Type: AWS::EC2::Subnet, Properties: {{VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24}}}}
  Ssh:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: ssh
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{{IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}}]
  Eni:
    Type: AWS::EC2::NetworkInterface
    Properties: {{SubnetId: !Ref {subnet}, GroupSet: [!Ref Ssh]}}
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      NetworkInterfaces: [{{DeviceIndex: "0", NetworkInterfaceId: !Ref Eni}}]
{extra}"#
    )
}

const ENI_EIP: &str = "  Ip: {Type: AWS::EC2::EIP, Properties: {Domain: vpc}}
  IpAssoc: {Type: AWS::EC2::EIPAssociation, Properties: {AllocationId: !GetAtt Ip.AllocationId, NetworkInterfaceId: !Ref Eni}}
";

#[test]
fn an_instance_is_placed_by_its_network_interface() {
    // The interface is in the public subnet, behind the open group, with an elastic IP.
    let rows = exposures_of_text("eni.yaml", &interface_template("Public", ENI_EIP));
    let r = row(&rows, "Web", 22);
    assert_eq!(r.verdict, Verdict::Exposed, "{r:#?}");
    assert!(r.path_text().en().contains("through network interface `Eni` in subnet `Public`"), "{r:#?}");
    assert!(r.path_text().en().contains("elastic IP `IpAssoc` is associated with network interface `Eni`"), "{r:#?}");

    // The same interface in the private subnet: no route to the internet gateway.
    let rows = exposures_of_text("eni.yaml", &interface_template("Private", ENI_EIP));
    let r = row(&rows, "Web", 22);
    assert_eq!((r.verdict, r.path[0].kind), (Verdict::NotExposed, HopKind::Route), "{r:#?}");

    // An existing interface gets no public address from its subnet's MapPublicIpOnLaunch.
    let rows = exposures_of_text("eni.yaml", &interface_template("Public", ""));
    let r = row(&rows, "Web", 22);
    assert_eq!((r.verdict, r.path[0].kind), (Verdict::NotExposed, HopKind::PublicAddress), "{r:#?}");
    assert!(r.path[0].text.en().contains("`Eni`"), "{r:#?}");

    // The interface's groups filter the traffic, not the instance's.
    let closed = interface_template("Public", ENI_EIP).replace("GroupSet: [!Ref Ssh]", "GroupSet: []");
    let rows = exposures_of_text("eni.yaml", &closed);
    let r = rows.iter().find(|e| &*e.resource.id == "Web").expect("a row for Web");
    assert_eq!((r.verdict, r.path[0].kind), (Verdict::NotExposed, HopKind::SecurityGroup), "{r:#?}");
}
