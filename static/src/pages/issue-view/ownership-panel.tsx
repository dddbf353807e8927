export { OwnershipPanel as default } from '../../components/ownership/OwnershipPanel';
